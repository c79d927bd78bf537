import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import type { ReloadGate } from './createReloadGate.js';

/** What Apollo Server takes as `gateway`. */
type GatewayInterface = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * The gateway as Apollo Server sees it, with every execution run through `gate`, so a supergraph
 * reload never lands in the middle of one (see createReloadGate).
 */
export function withReloadGate(gateway: GatewayInterface, gate: ReloadGate): GatewayInterface {
  return {
    onSchemaLoadOrUpdate: (callback) => gateway.onSchemaLoadOrUpdate(callback),
    async load(options) {
      const loaded = await gateway.load(options);
      const executor = loaded.executor;
      return { ...loaded, executor: executor && ((requestContext) => gate.run(() => executor(requestContext))) };
    },
    stop: () => gateway.stop?.() ?? Promise.resolve(),
  };
}
