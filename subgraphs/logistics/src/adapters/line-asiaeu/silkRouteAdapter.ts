import { setting } from '#packages/config/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { parseJson } from '#packages/validate/index.js';
import type { CarrierAdapterModule } from '../ports.js';
import { readClearanceFeeTable } from '../readClearanceFeeTable.js';
import { inBatches, readPayload, rejected } from '../vendorErrors.js';
import { createSilkRouteLabels } from './createSilkRouteLabels.js';
import { CARRIER_ID, readQuotes, toParcel } from './map.js';

/** The vendor's limit on parcels per call. */
const PARCELS_PER_CALL = 250;
const OPERATION = 'linehaul.quotes';

const settings = {
  /** SilkRoute Line API base URL. Default: the sandbox on 127.0.0.1:4133. */
  LINE_ASIAEU_URL: setting.url({ default: 'http://127.0.0.1:4133' }),
  /** HTTP Basic user name of the shipper account. Default: the sandbox's, silkroute-sandbox. */
  LINE_ASIAEU_USERNAME: setting.string({ default: 'silkroute-sandbox' }),
  /** HTTP Basic password. Default: the sandbox's, silkroute-sandbox-pw. */
  LINE_ASIAEU_PASSWORD: setting.string({ default: 'silkroute-sandbox-pw' }),
};

export default {
  id: CARRIER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: CARRIER_ID,
      baseUrl: config.LINE_ASIAEU_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const authorization = 'Basic ' + Buffer.from(`${config.LINE_ASIAEU_USERNAME}:${config.LINE_ASIAEU_PASSWORD}`).toString('base64');
    const onUnknownTracking = (word: string) => logger.warn('unknown tracking level, read as NONE', { carrier: CARRIER_ID, word });

    return {
      carrier: { id: CARRIER_ID, name: 'SilkRoute Line', modes: ['DEDICATED_LINE'] },
      role: 'line-haul',

      quote: (requests, signal) =>
        inBatches(requests, PARCELS_PER_CALL, async (batch) => {
          const response = await client.request({
            method: 'POST',
            path: '/api/v1/linehaul/quotes',
            headers: { 'content-type': 'application/json', authorization },
            body: JSON.stringify({ parcels: batch.map(toParcel) }),
            idempotent: true, // a rate quote changes nothing at the vendor
            signal,
          });
          if (response.status !== 200) throw rejected(CARRIER_ID, OPERATION, response.status, response.text);
          return readPayload(CARRIER_ID, OPERATION, () => readQuotes(parseJson(response.text), batch, onUnknownTracking));
        }),

      ...createSilkRouteLabels(client, authorization, (code) =>
        logger.warn('unknown tracking event, read as EXCEPTION', { carrier: CARRIER_ID, code }),
      ),

      clearanceFees: (signal) => readClearanceFeeTable(client, CARRIER_ID, config.LINE_ASIAEU_URL, signal),

      close: () => client.close(),
    };
  },
} satisfies CarrierAdapterModule<typeof settings>;
