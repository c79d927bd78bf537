import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { CallerPrincipal } from './CallerPrincipal.js';
import { createPrincipalSigner } from './createPrincipalSigner.js';
import { PRINCIPAL_MAX_AGE_SECONDS, principalKeyFrom, signPrincipal, verifyPrincipal } from './signPrincipal.js';

const key = principalKeyFrom('a service secret of the deployment, long enough');
const now = Date.parse('2026-12-05T10:00:00Z');
const marketplace: CallerPrincipal = { keyId: 'feira', tier: 'marketplace', scopes: ['insights:read'], marketplaceId: 'br-feira' };

describe('a signed principal', () => {
  it('reads back as it was signed, keyless callers included', () => {
    expect(verifyPrincipal(signPrincipal(marketplace, key, now), key, now + 1_000)).toEqual({ ok: true, principal: marketplace });
    const keyless: CallerPrincipal = { keyId: undefined, tier: 'developer', scopes: [], marketplaceId: undefined };
    expect(verifyPrincipal(signPrincipal(keyless, key, now), key, now)).toEqual({ ok: true, principal: keyless });
  });

  it('carries test mode only for a test-mode key, and a live principal signs as before', () => {
    const test: CallerPrincipal = {
      keyId: 'development',
      tier: 'developer',
      scopes: ['orders:write'],
      marketplaceId: undefined,
      testMode: true,
    };
    expect(verifyPrincipal(signPrincipal(test, key, now), key, now)).toEqual({ ok: true, principal: test });
    const live = verifyPrincipal(signPrincipal({ ...test, testMode: false }, key, now), key, now);
    expect(live.ok && live.principal.testMode).toBeFalsy();
    expect(signPrincipal({ ...test, testMode: false }, key, now)).toBe(signPrincipal({ ...test, testMode: undefined }, key, now));
  });

  it('is refused once any part is changed, or when signed with another deployment’s secret', () => {
    const header = signPrincipal(marketplace, key, now);
    const [version, at, payload, signature] = header.split('.') as [string, string, string, string];
    const analyst = Buffer.from(JSON.stringify({ k: 'feira', t: 'analyst', s: ['insights:read'], m: null })).toString('base64url');
    expect(verifyPrincipal([version, at, analyst, signature].join('.'), key, now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyPrincipal([version, String(Number(at) + 60), payload, signature].join('.'), key, now)).toMatchObject({ ok: false });
    expect(verifyPrincipal(header, principalKeyFrom('another secret'), now)).toEqual({ ok: false, reason: 'bad signature' });
    expect(verifyPrincipal(`v2.${at}.${payload}.${signature}`, key, now)).toMatchObject({ ok: false });
    expect(verifyPrincipal('garbage', key, now)).toMatchObject({ ok: false });
  });

  it('expires, so a captured header cannot be replayed for long', () => {
    const header = signPrincipal(marketplace, key, now);
    expect(verifyPrincipal(header, key, now + (PRINCIPAL_MAX_AGE_SECONDS - 1) * 1000).ok).toBe(true);
    expect(verifyPrincipal(header, key, now + (PRINCIPAL_MAX_AGE_SECONDS + 1) * 1000)).toEqual({
      ok: false,
      reason: 'expired or from the future',
    });
  });

  it('refuses a correctly signed payload that is not a principal', () => {
    const at = String(Math.floor(now / 1000));
    // signed with the real key, as only a holder of the secret could
    const sign = (payload: unknown) => {
      const signed = `v1.${at}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${signed}.${macOf(signed)}`;
    };
    expect(verifyPrincipal(sign({ k: 'x', t: 'root', s: [], m: null }), key, now)).toEqual({ ok: false, reason: 'malformed payload' });
    expect(verifyPrincipal(sign({ k: 'x', t: 'developer', s: ['Orders:Write'], m: null }), key, now)).toEqual({
      ok: false,
      reason: 'malformed payload',
    });
  });
});

describe('createPrincipalSigner', () => {
  it('reuses a young signature and signs again before it could expire', () => {
    let clock = now;
    const sign = createPrincipalSigner(key, () => clock);
    const first = sign(marketplace);
    clock += 30_000;
    expect(sign({ ...marketplace, scopes: [...marketplace.scopes] })).toBe(first);
    clock += (PRINCIPAL_MAX_AGE_SECONDS * 1000) / 5;
    const renewed = sign(marketplace);
    expect(renewed).not.toBe(first);
    expect(verifyPrincipal(renewed, key, clock + (PRINCIPAL_MAX_AGE_SECONDS - 1) * 1000).ok).toBe(true);
    expect(sign({ ...marketplace, keyId: 'other' })).not.toBe(renewed);
    expect(verifyPrincipal(sign({ ...marketplace, testMode: true }), key, clock)).toMatchObject({ principal: { testMode: true } });
  });
});

function macOf(text: string): string {
  return createHmac('sha256', key).update(text).digest('base64url');
}
