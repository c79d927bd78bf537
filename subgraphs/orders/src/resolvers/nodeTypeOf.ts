/** The types `node(id:)` fetches again. */
export type NodeType = 'Order' | 'Offer' | 'Seller' | 'Webhook';

/**
 * The type a global id names, read from the id alone: orders are `ord_…` and webhooks `wh_…`; the
 * catalog's ids are base64url of `<Type>:<marketplace>:<vendor id>` (`subgraphs/catalog/src/globalId.ts`).
 * Undefined for an id of anything else (a stock hold, a payment: not refetched by clients) or of nothing.
 */
export function nodeTypeOf(id: string): NodeType | undefined {
  if (/^ord_[A-Za-z0-9_-]+$/.test(id)) return 'Order';
  if (/^wh_[A-Za-z0-9_-]+$/.test(id)) return 'Webhook';
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const catalogType = /^(Offer|Seller):[a-z0-9-]+:./.exec(Buffer.from(id, 'base64url').toString('utf8'))?.[1];
  return catalogType === 'Offer' || catalogType === 'Seller' ? catalogType : undefined;
}
