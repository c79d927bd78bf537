import { describe, expect, it } from 'vitest';
import { createQueryHashes } from '../src/persisted/createQueryHashes.js';
import { sha256Hex } from '../src/persisted/PersistedOperationManifest.js';

describe('the persisted-query hash of a query text', () => {
  it('is the SHA-256 Apollo Server would compute, for short texts and for texts too long to remember', () => {
    const hashes = createQueryHashes();
    const short = 'query Short { marketplaces { id } }';
    const long = `{ search(query: "${'x'.repeat(30_000)}") { edges { node { id } } } }`;
    for (let round = 0; round < 2; round++) {
      expect(hashes.hashOf(short)).toBe(sha256Hex(short));
      expect(hashes.hashOf(long)).toBe(sha256Hex(long));
    }
    // a text equal to one seen before, but another string, is known by its characters
    expect(hashes.hashOf(['query Short', '{ marketplaces { id } }'].join(' '))).toBe(sha256Hex(short));
  });

  it('tells the extensions it made from those a client sent', () => {
    const hashes = createQueryHashes();
    expect(hashes.isRewritten({ version: 1, sha256Hash: sha256Hex('{ me }') })).toBe(false);
    expect(hashes.isRewritten(undefined)).toBe(false);
  });
});
