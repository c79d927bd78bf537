import { setting } from '#packages/config/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import type { CarrierAdapterModule } from '../ports.js';
import { readClearanceFeeTable } from '../readClearanceFeeTable.js';
import { createInterpostLabels } from './createInterpostLabels.js';
import { badResponse, inBatches, rejected } from '../vendorErrors.js';
import { CARRIER_ID, PostIntlError, readBatchResponse, toBatchXml } from './map.js';
import { readXml } from '#packages/validate/index.js';

/** The vendor's limit on packages per batch. */
const PACKAGES_PER_CALL = 200;
const OPERATION = 'IntlRateBatch';

const settings = {
  /** Interpost rate API base URL. Default: the sandbox on 127.0.0.1:4130. */
  POST_INTL_URL: setting.url({ default: 'http://127.0.0.1:4130' }),
  /** Web-tools user id issued by Interpost. Default: the sandbox's, interpost-sandbox. */
  POST_INTL_USER_ID: setting.string({ default: 'interpost-sandbox' }),
  /** Password that goes with the user id. Default: the sandbox's, interpost-sandbox-pw. */
  POST_INTL_PASSWORD: setting.string({ default: 'interpost-sandbox-pw' }),
};

export default {
  id: CARRIER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: CARRIER_ID,
      baseUrl: config.POST_INTL_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const credentials = { userId: config.POST_INTL_USER_ID, password: config.POST_INTL_PASSWORD };
    const onUnknownTracking = (word: string) => logger.warn('unknown tracking level, read as NONE', { carrier: CARRIER_ID, word });

    return {
      carrier: { id: CARRIER_ID, name: 'Interpost', modes: ['POSTAL'] },
      role: 'door-to-door',

      quote: (requests, signal) =>
        inBatches(requests, PACKAGES_PER_CALL, async (batch) => {
          const response = await client.request({
            method: 'POST',
            path: `/ShippingAPI/${OPERATION}`,
            headers: { 'content-type': 'text/xml; charset=utf-8', accept: 'text/xml' },
            body: toBatchXml(batch, credentials),
            idempotent: true, // a rate quote changes nothing at the vendor
            signal,
          });
          if (response.status !== 200) throw rejected(CARRIER_ID, OPERATION, response.status, response.text);
          try {
            return readBatchResponse(readXml(response.text), batch.length, onUnknownTracking);
          } catch (error) {
            // The vendor refuses a whole request with an <Error> document under HTTP 200.
            if (error instanceof PostIntlError) throw rejected(CARRIER_ID, OPERATION, 200, `${error.number} ${error.message}`);
            throw badResponse(CARRIER_ID, OPERATION, error);
          }
        }),

      ...createInterpostLabels(client, credentials, (code) =>
        logger.warn('unknown tracking event, read as EXCEPTION', { carrier: CARRIER_ID, code }),
      ),

      clearanceFees: (signal) => readClearanceFeeTable(client, CARRIER_ID, config.POST_INTL_URL, signal),

      close: () => client.close(),
    };
  },
} satisfies CarrierAdapterModule<typeof settings>;
