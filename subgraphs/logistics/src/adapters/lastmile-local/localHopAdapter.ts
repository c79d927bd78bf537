import { setting } from '#packages/config/index.js';
import { createUpstreamClient } from '#packages/http/index.js';
import { parseJson } from '#packages/validate/index.js';
import type { CarrierAdapterModule, RateAnswer, RateRequest } from '../ports.js';
import { badResponse, inBatches, rejected } from '../vendorErrors.js';
import { createLocalHopLabels } from './createLocalHopLabels.js';
import { CARRIER_ID, LocalHopError, readRpcAnswers, toRpcCall } from './map.js';

/** The vendor's limit on calls per JSON-RPC batch. */
const CALLS_PER_BATCH = 200;
const OPERATION = 'rate.quote batch';

const settings = {
  /** LocalHop JSON-RPC base URL. Default: the sandbox on 127.0.0.1:4134. */
  LASTMILE_LOCAL_URL: setting.url({ default: 'http://127.0.0.1:4134' }),
  /** Bearer token issued by LocalHop. Default: the sandbox's, localhop-sandbox-token. */
  LASTMILE_LOCAL_TOKEN: setting.string({ default: 'localhop-sandbox-token' }),
};

/** A domestic carrier cannot take a parcel across a border; said without asking it. */
const CROSS_BORDER: RateAnswer = { quotes: [], refusals: [{ mode: 'DOMESTIC', reason: 'delivers inside one country only' }] };

export default {
  id: CARRIER_ID,
  settings,
  create(config, { logger, upstreamTimeoutMs }) {
    const client = createUpstreamClient({
      upstream: CARRIER_ID,
      baseUrl: config.LASTMILE_LOCAL_URL,
      timeoutMs: upstreamTimeoutMs,
      retries: 1,
      logger,
    });
    const onUnknownTracking = (word: string) => logger.warn('unknown tracking level, read as NONE', { carrier: CARRIER_ID, word });

    async function rate(batch: readonly RateRequest[], signal?: AbortSignal): Promise<Array<RateAnswer | Error>> {
      const response = await client.request({
        method: 'POST',
        path: '/rpc',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${config.LASTMILE_LOCAL_TOKEN}` },
        body: JSON.stringify(batch.map(toRpcCall)),
        idempotent: true, // a rate quote changes nothing at the vendor
        signal,
      });
      if (response.status !== 200) throw rejected(CARRIER_ID, OPERATION, response.status, response.text);
      try {
        return readRpcAnswers(parseJson(response.text), batch.length, onUnknownTracking);
      } catch (error) {
        if (error instanceof LocalHopError) throw rejected(CARRIER_ID, OPERATION, 200, `${error.code} ${error.message}`);
        throw badResponse(CARRIER_ID, OPERATION, error);
      }
    }

    return {
      carrier: { id: CARRIER_ID, name: 'LocalHop', modes: ['DOMESTIC', 'OVERSEAS_WAREHOUSE', 'DEDICATED_LINE'] },
      role: 'last-mile',

      async quote(requests, signal) {
        const domestic = requests.filter((request) => request.from === request.to);
        const answers = await inBatches(domestic, CALLS_PER_BATCH, (batch) => rate(batch, signal));
        let next = 0;
        return requests.map((request) => (request.from === request.to ? answers[next++]! : CROSS_BORDER));
      },

      ...createLocalHopLabels(client, config.LASTMILE_LOCAL_TOKEN, (code) =>
        logger.warn('unknown tracking event, read as EXCEPTION', { carrier: CARRIER_ID, code }),
      ),

      close: () => client.close(),
    };
  },
} satisfies CarrierAdapterModule<typeof settings>;
