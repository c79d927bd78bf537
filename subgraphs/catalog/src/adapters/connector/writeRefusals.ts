import type { MarketplaceRefusalReason } from '../MarketplaceRefusal.js';
import type { ErrorCodeWord } from './protocol.js';

/** The protocol's business refusals of a write, in our words; any other code refusing a write is a plain rejection. */
export const WRITE_REFUSALS: Readonly<Partial<Record<ErrorCodeWord, MarketplaceRefusalReason>>> = {
  OUT_OF_STOCK: 'OUT_OF_STOCK',
  PRICE_CHANGED: 'PRICE_CHANGED',
  HOLD_EXPIRED: 'RESERVATION_EXPIRED',
  HOLD_CLOSED: 'RESERVATION_CLOSED',
  HOLD_ORDERED: 'RESERVATION_ORDERED',
  NOT_FOUND: 'NOT_FOUND',
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  INVALID_REQUEST: 'INVALID_REQUEST',
};
