import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../../packages/errors/index.js';
import { fromMinor, parseMoney, type CurrencyCode, type Money } from '../../../packages/money/index.js';
import type { SandboxUpstream } from '../../../packages/sandbox/index.js';
import { startSandbox, type TestSandbox } from '../../../test/support/startSandbox.js';
import { priceFee, type FeeSchedule } from '../../../upstreams/cardnet/priceFee.js';
import type { FeeQuote, FeeQuoteRequest, PaymentProvider } from '../src/adapters/ports.js';

export interface ProviderSuiteOptions {
  sandbox: SandboxUpstream;
  /** The fee schedule the sandbox publishes: the suite checks the adapter reads the vendor's prices exactly. */
  schedule: FeeSchedule;
  create(baseUrl: string, options?: { timeoutMs?: number; badCredentials?: boolean }): PaymentProvider;
  /** A payment the provider takes: its currency, a buyer country it serves, and a typical amount. */
  accepted: { currency: CurrencyCode; buyerCountry: string; amount: string };
  /** A currency with the same decimals that it does not take, and a country it does not serve. */
  unsupported: { currency: CurrencyCode; buyerCountry: string };
  /** The vendor's endpoint names (as counted in /__sandbox/stats). */
  endpoints: { feeQuotes: string; authorize: string };
}

/**
 * What every payment provider adapter must do, against its real sandbox over HTTP: a batch of
 * fee quotes is one call with one answer per request, in order; a payment it will not take is a
 * refusal, not an error; fees are the vendor's own figures; authorizations honour their
 * idempotency key; capture and void move the authorization as the vendor says; failures map to
 * `UpstreamError`s.
 */
export function definePaymentProviderSuite(options: ProviderSuiteOptions, adapterSpecific?: (sandbox: () => TestSandbox) => void): void {
  let sandbox: TestSandbox;
  let provider: PaymentProvider;
  const { currency, buyerCountry } = options.accepted;
  const terms = options.schedule.currencies[currency]!;
  const request = (amount: Money, overrides: Partial<FeeQuoteRequest> = {}): FeeQuoteRequest => ({
    amount,
    buyerCountry,
    merchantCountry: 'CN',
    settlementCurrency: 'CNY',
    ...overrides,
  });
  const typical = parseMoney(options.accepted.amount, currency);
  const expectedFee = (req: FeeQuoteRequest) => {
    const price = priceFee(options.schedule, { ...req, amountMinor: req.amount.minor, currency: req.amount.currency });
    if (!price.ok) throw new Error(`the suite's own request is refused: ${price.message}`);
    return fromMinor(price.feeMinor, req.amount.currency);
  };
  const refusal = (quote: FeeQuote | undefined) => (quote && !quote.accepted ? quote.reason : quote);

  describe(`${options.sandbox.id} payment provider (conformance)`, () => {
    beforeAll(async () => {
      sandbox = await startSandbox(options.sandbox);
      provider = options.create(sandbox.url);
    });
    afterAll(async () => {
      await provider.close();
      await sandbox.close();
    });
    afterEach(async () => {
      await sandbox.setFault(null);
    });

    it('describes itself with its sandbox id and its payment methods', () => {
      expect(provider.info.id).toBe(options.sandbox.id);
      expect(provider.info.methods.length).toBeGreaterThan(0);
    });

    it('prices 60 payments in one call, one answer each in order, exactly as the vendor publishes', async () => {
      const requests = Array.from({ length: 60 }, (_, i) =>
        request(fromMinor(typical.minor + BigInt(i * 137), currency), {
          // Half cross-border with a settlement in another currency, half domestic in the same one.
          ...(i % 2 === 0 && { merchantCountry: buyerCountry, settlementCurrency: currency }),
        }),
      );
      await sandbox.resetStats();
      const quotes = await provider.quoteFees(requests);
      expect((await sandbox.stats()).byEndpoint).toEqual({ [options.endpoints.feeQuotes]: 1 });
      expect(quotes).toHaveLength(60);
      quotes.forEach((quote, i) => {
        expect(quote.accepted, `quote ${i}`).toBe(true);
        if (!quote.accepted) return;
        expect(quote.fee).toEqual(expectedFee(requests[i]!));
        expect(quote.breakdown.schedule).toBe(options.schedule.name);
        expect(quote.breakdown.fixed).toEqual(fromMinor(terms.fixedMinor, currency));
        expect(quote.breakdown.crossBorderBp).toBe(i % 2 === 0 ? 0 : options.schedule.crossBorderBp);
        expect(quote.breakdown.fxSpreadBp).toBe(i % 2 === 0 ? 0 : options.schedule.fxSpreadBp);
      });
    });

    it('refuses, without failing the batch, what it does not take: currency, country, below min, above max', async () => {
      const quotes = await provider.quoteFees([
        request(typical),
        request(parseMoney(options.accepted.amount, options.unsupported.currency)),
        request(typical, { buyerCountry: options.unsupported.buyerCountry }),
        request(fromMinor(terms.minMinor - 1, currency)),
        request(fromMinor(terms.minMinor, currency)),
        request(fromMinor(terms.maxMinor, currency)),
        request(fromMinor(terms.maxMinor + 1, currency)),
        request(fromMinor(1000n, 'JPY')),
      ]);
      expect(quotes.map((quote) => (quote.accepted ? 'OK' : quote.reason))).toEqual([
        'OK',
        'CURRENCY_NOT_SUPPORTED',
        'COUNTRY_NOT_SUPPORTED',
        'BELOW_MINIMUM',
        'OK',
        'OK',
        'ABOVE_MAXIMUM',
        currency === 'JPY' || options.schedule.currencies.JPY ? 'OK' : 'CURRENCY_NOT_SUPPORTED',
      ]);
      expect(refusal(quotes[1])).toBe('CURRENCY_NOT_SUPPORTED');
    });

    it('authorizes once per idempotency key, however often the call is repeated', async () => {
      const payment = { ...request(typical), reference: 'order-1', idempotencyKey: 'key-authorize-1' };
      await sandbox.resetStats();
      const first = await provider.authorize(payment);
      const again = await provider.authorize(payment);
      const other = await provider.authorize({ ...payment, idempotencyKey: 'key-authorize-2' });
      expect(first.status).toBe('AUTHORIZED');
      expect(first.amount).toEqual(typical);
      expect(again).toEqual(first);
      expect(other.id).not.toBe(first.id);
      expect((await sandbox.stats()).byEndpoint[options.endpoints.authorize]).toBe(3);

      const reused = await provider.authorize({ ...payment, amount: fromMinor(typical.minor + 1n, currency) }).catch((e: unknown) => e);
      expect(reused).toBeInstanceOf(UpstreamError);
      expect((reused as UpstreamError).failure).toBe('rejected');
    });

    it('declines an authorization it would refuse to price, as an answer', async () => {
      const declined = await provider.authorize({
        ...request(typical, { buyerCountry: options.unsupported.buyerCountry }),
        reference: 'order-2',
        idempotencyKey: 'key-declined',
      });
      expect(declined.status).toBe('DECLINED');
      expect(declined.declineReason).toBeTruthy();
    });

    it('captures and voids as the vendor allows, each repeatable', async () => {
      const authorization = await provider.authorize({ ...request(typical), reference: 'order-3', idempotencyKey: 'key-capture' });
      const captured = await provider.capture({ authorizationId: authorization.id });
      expect(captured).toMatchObject({ id: authorization.id, status: 'CAPTURED', captured: typical });
      expect(await provider.capture({ authorizationId: authorization.id })).toEqual(captured);
      const voidCaptured = await provider.void({ authorizationId: authorization.id }).catch((e: unknown) => e);
      expect((voidCaptured as UpstreamError).failure).toBe('rejected');

      const released = await provider.authorize({ ...request(typical), reference: 'order-4', idempotencyKey: 'key-void' });
      const voided = await provider.void({ authorizationId: released.id });
      expect(voided.status).toBe('VOIDED');
      expect(await provider.void({ authorizationId: released.id })).toEqual(voided);
      const unknown = await provider.capture({ authorizationId: 'no-such-authorization' }).catch((e: unknown) => e);
      expect((unknown as UpstreamError).failure).toBe('rejected');
    });

    it.each([
      ['down', 'unavailable'],
      ['error:503', 'unavailable'],
      ['garbage', 'bad-response'],
    ] as const)('maps the fault %s to an UpstreamError (%s)', async (fault, failure) => {
      await sandbox.setFault(fault);
      const error = await provider.quoteFees([request(typical)]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe(failure);
      expect((error as UpstreamError).upstream).toBe(options.sandbox.id);
    });

    it('times out a slow vendor', async () => {
      const impatient = options.create(sandbox.url, { timeoutMs: 150 });
      await sandbox.setFault('slow:1000');
      const error = await impatient.quoteFees([request(typical)]).catch((e: unknown) => e);
      await impatient.close();
      expect((error as UpstreamError).failure).toBe('timeout');
    });

    it('is refused with wrong credentials', async () => {
      const stranger = options.create(sandbox.url, { badCredentials: true });
      const error = await stranger.quoteFees([request(typical)]).catch((e: unknown) => e);
      await stranger.close();
      expect(error).toBeInstanceOf(UpstreamError);
      expect((error as UpstreamError).failure).toBe('rejected');
    });

    adapterSpecific?.(() => sandbox);
  });
}
