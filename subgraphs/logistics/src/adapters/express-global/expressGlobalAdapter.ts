import { setting } from '#packages/config/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { parseJson } from '#packages/validate/index.js';
import type { CarrierAdapterModule } from '../ports.js';
import { readClearanceFeeTable } from '../readClearanceFeeTable.js';
import { inBatches, readPayload, rejected } from '../vendorErrors.js';
import { createExpressGlobalLabels } from './createExpressGlobalLabels.js';
import { CARRIER_ID, readResults, toShipment } from './map.js';

/** The vendor's limit on shipments per call. */
const SHIPMENTS_PER_CALL = 100;
const OPERATION = 'rates:batch';

const settings = {
  /** Express Global API base URL. Default: the sandbox on 127.0.0.1:4131. */
  EXPRESS_GLOBAL_URL: setting.url({ default: 'http://127.0.0.1:4131' }),
  /** API key sent as `x-api-key`. Default: the sandbox's, exg-sandbox-key. */
  EXPRESS_GLOBAL_API_KEY: setting.string({ default: 'exg-sandbox-key' }),
};

export default {
  id: CARRIER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: CARRIER_ID,
      baseUrl: config.EXPRESS_GLOBAL_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });

    return {
      carrier: { id: CARRIER_ID, name: 'Express Global', modes: ['EXPRESS'] },
      role: 'door-to-door',

      quote: (requests, signal) =>
        inBatches(requests, SHIPMENTS_PER_CALL, async (batch) => {
          const response = await client.request({
            method: 'POST',
            path: `/v2/${OPERATION}`,
            headers: { 'content-type': 'application/json', 'x-api-key': config.EXPRESS_GLOBAL_API_KEY },
            body: JSON.stringify({ shipments: batch.map(toShipment) }),
            idempotent: true, // a rate quote changes nothing at the vendor
            signal,
          });
          // Problem documents (401 unknown key, 400 bad request) refuse the whole call.
          if (response.status !== 200) throw rejected(CARRIER_ID, OPERATION, response.status, response.text);
          return readPayload(CARRIER_ID, OPERATION, () => readResults(parseJson(response.text), batch.length));
        }),

      ...createExpressGlobalLabels(client, config.EXPRESS_GLOBAL_API_KEY, (code) =>
        logger.warn('unknown tracking event, read as EXCEPTION', { carrier: CARRIER_ID, code }),
      ),

      clearanceFees: (signal) => readClearanceFeeTable(client, CARRIER_ID, config.EXPRESS_GLOBAL_URL, signal),

      close: () => client.close(),
    };
  },
} satisfies CarrierAdapterModule<typeof settings>;
