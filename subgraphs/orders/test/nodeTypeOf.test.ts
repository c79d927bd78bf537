import { describe, expect, it } from 'vitest';
import { nodeTypeOf } from '../src/resolvers/nodeTypeOf.js';

const catalogId = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

describe('nodeTypeOf', () => {
  it('reads the type from the global id alone', () => {
    expect(nodeTypeOf('ord_3q2+7w')).toBeUndefined();
    expect(nodeTypeOf('ord_3q2-7w_AbC')).toBe('Order');
    expect(nodeTypeOf('wh_0b9c6f5e-8a43-4a0e-9d0a-2c1f5e7d9b11')).toBe('Webhook');
    expect(nodeTypeOf(catalogId('Offer:cn-jademarket:640000007'))).toBe('Offer');
    expect(nodeTypeOf(catalogId('Seller:br-feira:S-12'))).toBe('Seller');
  });

  it('names nothing for ids of what clients do not refetch, or of nothing', () => {
    expect(nodeTypeOf(catalogId('StockReservation:br-feira:RES00000001'))).toBeUndefined();
    expect(nodeTypeOf(catalogId('Payment:cardnet:auth_000001'))).toBeUndefined();
    expect(nodeTypeOf('nope')).toBeUndefined();
    expect(nodeTypeOf('')).toBeUndefined();
  });
});
