import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import type { AttemptRecord, DueDelivery } from '../store/WebhookStore.js';
import { isPrivateAddress } from './checkWebhookUrl.js';
import { SIGNATURE_HEADER, signWebhookPayload } from './webhookSignature.js';

export interface WebhookSender {
  /** POSTs the delivery's event, signed with its endpoint's secret; resolves with the attempt (never rejects). */
  send(due: DueDelivery): Promise<AttemptRecord>;
  close(): Promise<void>;
}

/**
 * One undici agent for every endpoint. Unless private addresses are allowed, its DNS lookup
 * refuses a name that resolves to one at connect time, so a host that passed the check at
 * registration cannot be pointed at our network later (DNS rebinding). Redirects are not
 * followed: a 3xx is a failed attempt.
 */
export function createWebhookSender(options: { timeoutMs: number; allowPrivate: boolean; now?: () => number }): WebhookSender {
  const now = options.now ?? Date.now;
  const publicOnly: LookupFunction = (hostname, lookupOptions, callback) =>
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const blocked = addresses.find((entry) => isPrivateAddress(entry.address));
      if (blocked) return callback(new Error(`${hostname} resolves to a private address (${blocked.address})`), '', 0);
      if (lookupOptions.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      return first ? callback(null, first.address, first.family) : callback(new Error(`${hostname} has no address`), '', 0);
    });
  const agent = new Agent({
    connect: options.allowPrivate ? { timeout: options.timeoutMs } : { timeout: options.timeoutMs, lookup: publicOnly },
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });

  return {
    async send({ delivery, webhook }) {
      const at = now();
      const started = performance.now();
      const finish = (responseStatus: number | null, error: string | null): AttemptRecord => ({
        deliveryId: delivery.id,
        at,
        responseStatus,
        error,
        durationMs: Math.round(performance.now() - started),
      });
      try {
        const host = new URL(webhook.url).hostname.replace(/^\[|\]$/g, '');
        if (!options.allowPrivate && isIP(host) !== 0 && isPrivateAddress(host)) return finish(null, `${host} is a private address`);
        const response = await request(webhook.url, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'Tradegraph-Webhooks/1',
            [SIGNATURE_HEADER]: signWebhookPayload(webhook.secret, Math.floor(at / 1000), delivery.payload),
            'Tradegraph-Event-Id': delivery.eventId,
            'Tradegraph-Event-Type': delivery.eventType,
            'Tradegraph-Delivery-Id': delivery.id,
          },
          body: delivery.payload,
          signal: AbortSignal.timeout(options.timeoutMs),
        });
        await response.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        return finish(response.statusCode, ok ? null : `the endpoint answered HTTP ${response.statusCode}`);
      } catch (error) {
        return finish(null, error instanceof Error ? error.message : String(error));
      }
    },
    async close() {
      await agent.close();
    },
  };
}
