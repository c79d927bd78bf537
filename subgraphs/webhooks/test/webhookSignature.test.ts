import { describe, expect, it } from 'vitest';
import { newWebhookSecret, signWebhookPayload, verifyWebhookSignature } from '#subgraphs/webhooks/src/delivery/webhookSignature.js';

describe('webhook signatures (t=…,v1=HMAC-SHA256 of "t.body")', () => {
  const secret = newWebhookSecret();
  const body = '{"id":"e1","type":"order.confirmed"}';
  const header = signWebhookPayload(secret, 1_796_000_000, body);

  it('verify with the secret over the raw body at the signed time', () => {
    expect(header).toMatch(/^t=1796000000,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature(secret, header, body, 1_796_000_010)).toBe(true);
  });

  it('fail for another body, another secret, or a replay outside the tolerance', () => {
    expect(verifyWebhookSignature(secret, header, body.replace('e1', 'e2'), 1_796_000_010)).toBe(false);
    expect(verifyWebhookSignature(newWebhookSecret(), header, body, 1_796_000_010)).toBe(false);
    expect(verifyWebhookSignature(secret, header, body, 1_796_000_000 + 301)).toBe(false);
    expect(verifyWebhookSignature(secret, header.replace(/^t=\d+/, 't=1796000001'), body, 1_796_000_010)).toBe(false);
  });

  it('makes a new secret each time', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[\w-]{43}$/);
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });
});
