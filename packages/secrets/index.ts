export { loadSigningKey, type SigningKeyOptions } from './loadSigningKey.js';
