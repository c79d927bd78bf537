import DataLoader from 'dataloader';
import type { Logger } from '#packages/log/index.js';
import type { CallerPrincipal } from '#packages/principal/index.js';
import type { OrderBooking } from './placeOrder/createOrderBooking.js';
import type { OrderStore, StepRecord } from './store/OrderStore.js';

/** What every orders resolver gets; one per request. */
export interface Context {
  readonly store: OrderStore;
  readonly booking: OrderBooking;
  /** Steps of many orders (a page of `orders`) in one query. */
  readonly steps: DataLoader<string, StepRecord[]>;
  readonly logger: Logger;
  /** The caller, as the gateway signed it; undefined without a verified principal. */
  readonly principal: CallerPrincipal | undefined;
}

export type OrdersServices = Omit<Context, 'steps'>;

export function createContext(services: OrdersServices): Context {
  return {
    ...services,
    steps: new DataLoader(async (orderIds: readonly string[]) => {
      const steps = await services.store.listSteps(orderIds);
      return orderIds.map((id) => steps.get(id) ?? []);
    }),
  };
}
