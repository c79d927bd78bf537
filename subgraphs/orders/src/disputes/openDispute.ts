import { orderEvent } from '../events/orderEvent.js';
import type { DisputeRecord } from './DisputeRecord.js';
import { disputeRefused, type DisputePayloadModel } from './disputeModels.js';
import { newDisputeId } from './newDisputeId.js';
import type { DisputeEnvironment, OpenDisputeRequest } from './OrderDisputes.js';
import { readDisputeText } from './readDisputeText.js';
import { withOrderLease } from './withOrderLease.js';

/**
 * A buyer's app disputes one of its own orders. Only a confirmed order whose escrow is still held
 * can be disputed: the dispute then keeps the payment follower from paying the seller on delivery
 * (it looks for an unsettled dispute under the same lease before it releases). The dispute and its
 * `dispute.opened` event are written in one transaction, under the order's lease.
 */
export async function openDispute(env: DisputeEnvironment, request: OpenDisputeRequest): Promise<DisputePayloadModel> {
  const evidence = readDisputeText(request.evidence, 'evidence', true);
  if ('problem' in evidence) return disputeRefused('INVALID_INPUT', evidence.problem, 'evidence');
  const order = await env.store.getOwnedOrder(request.owner, request.orderId);
  // another key's order does not exist for this one: the same answer as an unknown id
  if (order === undefined) return disputeRefused('ORDER_NOT_FOUND', `no order ${request.orderId}`, 'orderId');
  if (order.status !== 'CONFIRMED') {
    return disputeRefused('ORDER_NOT_CONFIRMED', `order ${order.id} is ${order.status}: only a confirmed order can be disputed`, 'orderId');
  }
  if (!order.escrow || order.paymentId === null) {
    return disputeRefused('NOT_IN_ESCROW', `order ${order.id} was paid without escrow: there is no payment to hold`, 'orderId');
  }

  const outcome = await withOrderLease(env.store, order.id, env, async (): Promise<DisputePayloadModel> => {
    const existing = (await env.store.listDisputes([order.id])).get(order.id);
    if (existing !== undefined) return alreadyDisputed(existing);
    const release = (await env.store.listSteps([order.id])).get(order.id)?.find((step) => step.name === 'RELEASE_ESCROW');
    if (release?.status === 'DONE' || release?.status === 'RUNNING') {
      return disputeRefused('ESCROW_RELEASED', `the escrow of order ${order.id} was already paid to the seller`, 'orderId');
    }
    if (release?.status === 'SKIPPED') {
      return disputeRefused('NOT_IN_ESCROW', `order ${order.id} has no escrow to hold`, 'orderId');
    }
    const at = env.now();
    const dispute: DisputeRecord = {
      id: newDisputeId(),
      orderId: order.id,
      openedBy: request.owner,
      reason: request.reason,
      evidence: evidence.text,
      status: 'OPEN',
      outcome: null,
      note: null,
      resolvedBy: null,
      paymentStatus: null,
      openedAt: at,
      resolvedAt: null,
      updatedAt: at,
    };
    const opened = orderEvent('dispute.opened', order, at, {
      disputeId: dispute.id,
      reason: dispute.reason,
      openedAt: new Date(at).toISOString(),
    });
    if (!(await env.store.createDispute(dispute, [opened]))) {
      const raced = (await env.store.listDisputes([order.id])).get(order.id);
      if (raced !== undefined) return alreadyDisputed(raced);
      throw new Error(`dispute of order ${order.id} was neither written nor found`);
    }
    env.logger.info('order disputed: escrow held', { orderId: order.id, disputeId: dispute.id, reason: dispute.reason });
    return { dispute, userErrors: [] };
  });
  if (outcome === 'busy') {
    return disputeRefused('ORDER_BUSY', `a payment step of order ${order.id} is in flight: try again in a moment`, 'orderId');
  }
  return outcome;
}

function alreadyDisputed(dispute: DisputeRecord): DisputePayloadModel {
  return dispute.status === 'RESOLVED'
    ? disputeRefused(
        'DISPUTE_ALREADY_SETTLED',
        `order ${dispute.orderId} was disputed and settled (${dispute.outcome})`,
        'orderId',
        dispute,
      )
    : disputeRefused('DISPUTE_ALREADY_OPEN', `order ${dispute.orderId} is disputed already (${dispute.id})`, 'orderId', dispute);
}
