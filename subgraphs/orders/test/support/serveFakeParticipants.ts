import { readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { createLogger } from '#packages/log/index.js';
import { createApolloServer, createGraphQLHttpServer, listen, type RunningServer } from '#packages/server/index.js';
import { ParticipantError } from '../../src/participants/ParticipantError.js';
import type { Participants, SellerStanding } from '../../src/saga/Participants.js';

interface FakeContext {
  readonly headers: IncomingHttpHeaders;
}

/** The arguments of a mutation: its `input`, as the participant port takes it. */
type In<K extends keyof Participants> = { input: Parameters<NonNullable<Participants[K]>>[0] };

export interface ServedParticipants {
  readonly urls: {
    readonly CATALOG_URL: string;
    readonly LOGISTICS_URL: string;
    readonly PAYMENTS_URL: string;
    readonly TRUST_URL: string;
  };
  close(): Promise<void>;
}

/**
 * Serves participants (usually fakes) over HTTP as the four real subgraphs would: their own
 * `schema.graphql`, the `x-service-secret` check, expected failures as GraphQL errors with
 * `extensions.code`. For tests that run the orders service as a process of its own.
 */
export async function serveFakeParticipants(participants: Participants, serviceSecret: string): Promise<ServedParticipants> {
  const guard =
    <A, T>(resolve: (args: A) => Promise<T>) =>
    async (_parent: unknown, args: A, context: unknown): Promise<T> => {
      // Apollo types resolver contexts as unknown here; ours is always a FakeContext.
      if ((context as FakeContext).headers['x-service-secret'] !== serviceSecret) {
        throw new GraphQLError('service secret required', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      try {
        return await resolve(args);
      } catch (error) {
        if (!(error instanceof ParticipantError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: error.kind === 'transient' ? 'UPSTREAM_UNAVAILABLE' : error.code } });
      }
    };
  const payment = async (state: Promise<{ paymentId: string; status: string; provider: string }>) => {
    const { paymentId, status, provider } = await state;
    return { id: paymentId, status, provider, escrow: true, amount: { amount: '60.58', currency: 'EUR' } };
  };

  const catalog = {
    Mutation: {
      reserveStock: guard(async ({ input }: In<'reserveStock'>) => {
        const held = await participants.reserveStock(input);
        return {
          id: held.reservationId,
          status: held.status,
          expiresAt: held.expiresAt,
          quantity: input.quantity,
          offer: {
            id: input.offerId,
            title: held.offer.title,
            hsClassification: { hsCode: held.offer.hsCode, status: 'DECLARED', alternatives: [] },
            weightGrams: held.offer.weightGrams,
            originCountry: held.offer.originCountry,
            seller: {
              id: 'seller-1',
              name: held.offer.sellerName,
              country: held.offer.sellerCountry,
              dispatchAddress: held.offer.sellerDispatchAddress,
              ...held.offer.sellerStanding,
            },
            marketplace: { id: 'cn-jademarket', name: held.offer.marketplaceName },
          },
        };
      }),
      releaseStock: guard(
        async ({ input }: In<'releaseStock'>) => (await participants.releaseStock(input), { id: input.reservationId, status: 'RELEASED' }),
      ),
      placeMarketplaceOrder: guard(async ({ input }: In<'placeMarketplaceOrder'>) => {
        const placed = await participants.placeMarketplaceOrder(input);
        return { id: placed.marketplaceOrderId, status: 'PLACED', total: placed.total };
      }),
      cancelMarketplaceOrder: guard(
        async ({ input }: In<'cancelMarketplaceOrder'>) => (
          await participants.cancelMarketplaceOrder(input),
          { id: input.marketplaceOrderId, status: 'CANCELLED' }
        ),
      ),
    },
  };
  const logistics = {
    Mutation: {
      createShipment: guard(async ({ input }: In<'createShipment'>) => {
        const created = await participants.createShipment(input);
        return {
          id: created.shipmentId,
          trackingNumber: created.trackingNumber,
          carrier: { id: created.carrierId },
          labels: created.legs.map((leg) => ({ carrier: { id: leg.carrierId }, mode: leg.mode, from: leg.from, to: leg.to })),
        };
      }),
      cancelShipment: guard(
        async ({ input }: In<'cancelShipment'>) => (await participants.cancelShipment(input), { id: input.shipmentId, cancelled: true }),
      ),
    },
    Shipment: {
      async __resolveReference(reference: { id: string }) {
        const tracking = (await participants.trackShipments([reference.id])).get(reference.id);
        if (!tracking) return null;
        if ('refused' in tracking)
          throw new GraphQLError(tracking.reason, {
            extensions: { code: tracking.refused ? 'NOT_FOUND' : 'CARRIER_UNAVAILABLE', retryable: !tracking.refused },
          });
        const at = (status: string) => tracking.firstReportedAt[status] ?? new Date().toISOString();
        return {
          id: reference.id,
          tracking: { status: tracking.status, events: tracking.eventStatuses.map((status) => ({ status, at: at(status) })) },
        };
      },
    },
  };
  const payments = {
    Mutation: {
      authorizePayment: guard(({ input }: In<'authorizePayment'>) => payment(participants.authorizePayment(input))),
      capturePayment: guard(({ input }: In<'capturePayment'>) => payment(participants.capturePayment(input))),
      voidPayment: guard(({ input }: In<'voidPayment'>) => payment(participants.voidPayment(input))),
      releaseEscrow: guard(({ input }: In<'releaseEscrow'>) => payment(participants.releaseEscrow(input))),
    },
  };

  const trust = {
    Seller: {
      __resolveReference: (reference: { id: string } & SellerStanding) => reference,
      trust: async (seller: { id: string } & SellerStanding) => {
        const { level, score } = await participants.sellerTrust({ sellerId: seller.id, standing: seller });
        return { level, score, factors: [], updatedAt: new Date(0).toISOString() };
      },
    },
  };

  const servers: RunningServer[] = [];
  const serve = async (name: string, resolvers: typeof catalog | typeof logistics | typeof payments | typeof trust): Promise<string> => {
    const typeDefs = parse(readFileSync(new URL(`../../../${name}/schema.graphql`, import.meta.url), 'utf8'));
    const logger = createLogger(`fake-${name}`, { level: 'silent' });
    const apollo = createApolloServer<FakeContext>({ schema: buildSubgraphSchema({ typeDefs, resolvers }), logger, production: false });
    await apollo.start();
    const httpServer = createGraphQLHttpServer<FakeContext>({
      apollo,
      logger,
      access: { serviceSecret },
      context: async ({ headers }) => ({ headers }),
    });
    const running = await listen(httpServer, '127.0.0.1', 0, () => apollo.stop());
    servers.push(running);
    return `${running.url}/graphql`;
  };
  const urls = {
    CATALOG_URL: await serve('catalog', catalog),
    LOGISTICS_URL: await serve('logistics', logistics),
    PAYMENTS_URL: await serve('payments', payments),
    TRUST_URL: await serve('trust', trust),
  };
  return { urls, close: async () => void (await Promise.all(servers.map((server) => server.close()))) };
}
