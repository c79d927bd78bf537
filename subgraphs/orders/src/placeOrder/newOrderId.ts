import { randomBytes } from 'node:crypto';

/**
 * `ord_` and 128 random bits in base64url (22 characters): an id says nothing about when or how
 * many orders were placed, and cannot be guessed. Ids made before (`ord_<uuid v4>`, 122 random
 * bits) stay valid: an id is opaque text to every reader.
 */
export function newOrderId(): string {
  return `ord_${randomBytes(16).toString('base64url')}`;
}
