import { createHmac, timingSafeEqual } from 'node:crypto';

/** Which provider holds a payment, and its own id for it. */
export interface PaymentRef {
  readonly providerId: string;
  readonly authorizationId: string;
}

/**
 * A payment's id names its provider and the provider's id, as base64url of
 * `Payment:<provider>:<provider id>`, followed by `.` and a tag binding it to its owner (the API
 * key id the order was placed with): HMAC-SHA256 under `ownerKey`, 128 bits. Any replica can ask
 * the provider about it (payments stores nothing), and only the owner's principal can read it
 * through `_entities`: providers' ids are sequential, so without the tag the id alone could be
 * guessed. An id made without an owner has no tag: only internal callers may read it.
 */
export function toPaymentId(ref: PaymentRef, owner: string | undefined, ownerKey: Buffer): string {
  const body = Buffer.from(`Payment:${ref.providerId}:${ref.authorizationId}`, 'utf8').toString('base64url');
  return owner === undefined ? body : `${body}.${ownerTag(body, owner, ownerKey)}`;
}

/** The reference inside an id, or undefined when the text is not one of our payment ids (its tag is not checked here). */
export function fromPaymentId(id: string): PaymentRef | undefined {
  const body = /^([A-Za-z0-9_-]+)(\.[A-Za-z0-9_-]+)?$/.exec(id)?.[1];
  const decoded = body === undefined ? '' : Buffer.from(body, 'base64url').toString('utf8');
  const match = /^Payment:([a-z0-9-]+):(.+)$/.exec(decoded);
  return match ? { providerId: match[1]!, authorizationId: match[2]! } : undefined;
}

/** Whether `id` carries the tag of `owner`: false for another owner, an untagged id, or no owner. */
export function isPaymentOwnedBy(id: string, owner: string | undefined, ownerKey: Buffer): boolean {
  if (owner === undefined) return false;
  const [body, tag, extra] = id.split('.');
  if (body === undefined || tag === undefined || extra !== undefined) return false;
  const expected = Buffer.from(ownerTag(body, owner, ownerKey), 'utf8');
  const given = Buffer.from(tag, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The key payment ids are tagged with, derived from the quote key so that every replica shares it and nothing new is configured. */
export function paymentOwnerKey(quoteKey: Buffer): Buffer {
  return createHmac('sha256', quoteKey).update('tradegraph payment id owner tag v1').digest();
}

function ownerTag(body: string, owner: string, ownerKey: Buffer): string {
  return createHmac('sha256', ownerKey).update(`${body}\u0000${owner}`, 'utf8').digest().subarray(0, 16).toString('base64url');
}
