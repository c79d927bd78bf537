import type { Resolvers } from '../__generated__/resolvers.js';
import { Seller, SellerTrust } from './Seller.js';

export const resolvers: Resolvers = { Seller, SellerTrust };
