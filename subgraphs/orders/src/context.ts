import DataLoader from 'dataloader';
import type { Logger } from '#packages/log/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import type { OrderBooking } from './placeOrder/createOrderBooking.js';
import type { DisputeRecord } from './disputes/DisputeRecord.js';
import type { OrderDisputes } from './disputes/OrderDisputes.js';
import type { ReturnDesk } from './returns/createReturnDesk.js';
import type { Participants } from './saga/Participants.js';
import type { OrderStore, StepRecord } from './store/OrderStore.js';

/** What every orders resolver gets; one per request. */
export interface Context {
  readonly store: OrderStore;
  readonly booking: OrderBooking;
  /** Returns of delivered orders (`requestReturn`). */
  readonly returns: ReturnDesk;
  /** The saga's participants, for lookups an answer needs (a failed booking's alternatives). */
  readonly participants: Participants;
  /** Steps of many orders (a page of `orders`) in one query. */
  readonly steps: DataLoader<string, StepRecord[]>;
  readonly logger: Logger;
  /**
   * The API key the gateway signed for (`x-tradegraph-principal`): the owner of the orders this
   * request may place and see. Undefined for a keyless caller and for internal callers.
   */
  readonly ownerKeyId: string | undefined;
  readonly disputes: OrderDisputes;
  /** The dispute of many orders (a page of `orders`) in one query; undefined for an order never disputed. */
  readonly disputeOf: DataLoader<string, DisputeRecord | undefined>;
  /** The scopes of the calling API key, as the gateway signed them (`disputes:resolve` for operators). */
  readonly callerScopes: readonly string[];
  /** The marketplace the calling key is bound to (a marketplace-tier key); undefined otherwise. */
  readonly callerMarketplaceId: string | undefined;
  /** The request carried the service secret (the catalog and payments flushing reach counts). */
  readonly serviceCaller: boolean;
  /** Whether that key is a test-mode key: its orders pass test triggers on to the sandboxes. */
  readonly testMode: boolean;
}

export type OrdersServices = Omit<
  Context,
  'steps' | 'ownerKeyId' | 'disputeOf' | 'callerScopes' | 'callerMarketplaceId' | 'serviceCaller' | 'testMode'
>;

export function createContext(services: OrdersServices, principal: CallerPrincipal | undefined, serviceCaller = false): Context {
  return {
    ...services,
    serviceCaller,
    ownerKeyId: principal?.keyId,
    testMode: principal?.testMode === true,
    steps: new DataLoader(async (orderIds: readonly string[]) => {
      const steps = await services.store.listSteps(orderIds);
      return orderIds.map((id) => steps.get(id) ?? []);
    }),
    callerScopes: principal?.scopes ?? [],
    callerMarketplaceId: principal?.marketplaceId,
    disputeOf: new DataLoader(async (orderIds: readonly string[]) => {
      const disputes = await services.store.listDisputes(orderIds);
      return orderIds.map((id) => disputes.get(id));
    }),
  };
}
