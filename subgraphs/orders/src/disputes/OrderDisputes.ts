import type { Logger } from '#packages/log/index.js';
import type { Participants } from '../saga/Participants.js';
import type { OrderStore } from '../store/OrderStore.js';
import type { DisputeOutcome, DisputeReason } from './DisputeRecord.js';
import type { DisputePayloadModel } from './disputeModels.js';

/** What disputes need: the store, the payment participant, the follower's lease length and the saga clock. */
export interface DisputeEnvironment {
  readonly store: OrderStore;
  readonly participants: Pick<Participants, 'refundPayment' | 'voidPayment' | 'releaseEscrow'>;
  readonly leaseMs: number;
  readonly logger: Logger;
  readonly now: () => number;
}

export interface OpenDisputeRequest {
  /** The calling API key: only its own orders can be disputed. */
  readonly owner: string;
  readonly orderId: string;
  readonly reason: DisputeReason;
  readonly evidence: string;
}

export interface ResolveDisputeRequest {
  /** The operator key that decides. */
  readonly operator: string;
  readonly disputeId: string;
  readonly outcome: DisputeOutcome;
  readonly note: string | null;
}

/** Buyers' disputes and their settlement (`openDispute.ts`, `resolveDispute.ts`). */
export interface OrderDisputes {
  open(request: OpenDisputeRequest): Promise<DisputePayloadModel>;
  resolve(request: ResolveDisputeRequest): Promise<DisputePayloadModel>;
}
