import { setting } from '#packages/config/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { parseJson } from '#packages/validate/index.js';
import type { CarrierAdapterModule } from '../ports.js';
import { readClearanceFeeTable } from '../readClearanceFeeTable.js';
import { badResponse, inBatches, rejected } from '../vendorErrors.js';
import { createAsiaLinkLabels } from './createAsiaLinkLabels.js';
import { AsiaLinkError, CARRIER_ID, readQuoteBatch, toQuoteForm } from './map.js';

/** The vendor's limit on parcels per call. */
const PARCELS_PER_CALL = 100;
const OPERATION = 'quote_batch';

const settings = {
  /** AsiaLink Express API base URL. Default: the sandbox on 127.0.0.1:4132. */
  EXPRESS_ASIA_URL: setting.url({ default: 'http://127.0.0.1:4132' }),
  /** API user issued by AsiaLink. Default: the sandbox's, alx-sandbox. */
  EXPRESS_ASIA_USER: setting.string({ default: 'alx-sandbox' }),
  /** API token that goes with the user. Default: the sandbox's, alx-sandbox-token. */
  EXPRESS_ASIA_TOKEN: setting.string({ default: 'alx-sandbox-token' }),
};

export default {
  id: CARRIER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: CARRIER_ID,
      baseUrl: config.EXPRESS_ASIA_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const credentials = { user: config.EXPRESS_ASIA_USER, token: config.EXPRESS_ASIA_TOKEN };

    return {
      carrier: { id: CARRIER_ID, name: 'AsiaLink Express', modes: ['EXPRESS'] },
      role: 'door-to-door',

      quote: (requests, signal) =>
        inBatches(requests, PARCELS_PER_CALL, async (batch) => {
          const response = await client.request({
            method: 'POST',
            path: `/api/${OPERATION}`,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: toQuoteForm(batch, credentials),
            idempotent: true, // a rate quote changes nothing at the vendor
            signal,
          });
          if (response.status !== 200) throw rejected(CARRIER_ID, OPERATION, response.status, response.text);
          try {
            return readQuoteBatch(parseJson(response.text), batch.length);
          } catch (error) {
            if (error instanceof AsiaLinkError) throw rejected(CARRIER_ID, OPERATION, 200, `code ${error.code}: ${error.message}`);
            throw badResponse(CARRIER_ID, OPERATION, error);
          }
        }),

      ...createAsiaLinkLabels(client, credentials, (code) =>
        logger.warn('unknown tracking event, read as EXCEPTION', { carrier: CARRIER_ID, code }),
      ),

      clearanceFees: (signal) => readClearanceFeeTable(client, CARRIER_ID, config.EXPRESS_ASIA_URL, signal),

      close: () => client.close(),
    };
  },
} satisfies CarrierAdapterModule<typeof settings>;
