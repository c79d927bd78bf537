export { loadSigningKey, type SigningKeyOptions } from './loadSigningKey.js';
export { ensurePrivateFile } from './ensurePrivateFile.js';
