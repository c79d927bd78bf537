import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface NextTokens {
  issue(offset: number, query: string): string;
  /** The offset a token stands for, or undefined if it was not issued by us for this query. */
  read(token: string, query: string): number | undefined;
}

/**
 * Opaque paging tokens: base64url of the offset, a digest of the query and an HMAC over both.
 * Clients cannot compute or edit one; the key is made per server, so a restart invalidates
 * old tokens the way a vendor's expiring tokens do.
 */
export function createNextTokens(): NextTokens {
  const key = randomBytes(32);
  const digestOf = (query: string) => createHash('sha256').update(query.trim().toLowerCase()).digest('base64url').slice(0, 12);
  const macOf = (body: string) => createHmac('sha256', key).update(body).digest('base64url').slice(0, 22);

  return {
    issue(offset, query) {
      const body = `${offset}.${digestOf(query)}`;
      return Buffer.from(`${body}.${macOf(body)}`, 'utf8').toString('base64url');
    },
    read(token, query) {
      const [offset, digest, mac] = Buffer.from(token, 'base64url').toString('utf8').split('.');
      if (offset === undefined || digest === undefined || mac === undefined || !/^\d+$/.test(offset)) return undefined;
      const expected = Buffer.from(macOf(`${offset}.${digest}`));
      const given = Buffer.from(mac);
      if (given.length !== expected.length || !timingSafeEqual(given, expected) || digest !== digestOf(query)) return undefined;
      return Number(offset);
    },
  };
}
