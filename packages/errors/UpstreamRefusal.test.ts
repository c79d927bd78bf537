import { describe, expect, it } from 'vitest';
import { UpstreamError } from './UpstreamError.js';
import { refusalOf, UpstreamRefusal } from './UpstreamRefusal.js';

class ShopRefusal extends UpstreamRefusal<'OUT_OF_STOCK'> {
  override name = 'ShopRefusal';
}

const refuse = (code: string, status?: number) =>
  refusalOf(
    { upstream: 'shop', operation: 'POST /orders', code, refusals: { SOLD_OUT: 'OUT_OF_STOCK' }, status },
    (init) => new ShopRefusal(init),
  );

describe('a vendor refusing a write', () => {
  it('is the participant’s refusal, in our words, when the code is a business refusal', () => {
    const error = refuse('SOLD_OUT', 409);
    expect(error).toBeInstanceOf(ShopRefusal);
    expect((error as ShopRefusal).reason).toBe('OUT_OF_STOCK');
    expect(error.message).toBe('shop refused POST /orders: SOLD_OUT');
    expect([error.failure, error.retryable, error.status]).toEqual(['rejected', false, 409]);
  });

  it('is a plain rejection, not retried, for any other code or none', () => {
    for (const error of [refuse('BAD_SIGNATURE', 401), refuse('', 400), refuse('toString', 400)]) {
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error).not.toBeInstanceOf(UpstreamRefusal);
      expect([error.failure, error.retryable]).toEqual(['rejected', false]);
    }
    expect(refuse('', 400).message).toBe('shop refused POST /orders: HTTP 400');
  });
});
