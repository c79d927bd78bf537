import type { FeeSchedule } from '#packages/sandbox/index.js';

/** The seller exchange credentials the sandbox accepts; a real exchange is issued its own. */
export const SANDBOX_EXCHANGE_ID = 'EX00012345';
export const SANDBOX_CHECKSUM_KEY = 'fpx-sandbox-checksum-key';

/**
 * FPX B2C (Malaysian online banking): ringgit only, payers with Malaysian bank accounts only.
 * A flat RM 1.00 per payment, +1.00 % when the seller is abroad, +1.50 % FX spread when the
 * seller settles in another currency. RM 1.00 to RM 30,000.00 per payment (the B2C limit).
 */
export const FPX_FEES: FeeSchedule = {
  name: 'FPX-B2C-2026',
  percentBp: 0,
  crossBorderBp: 100,
  fxSpreadBp: 150,
  currencies: { MYR: { fixedMinor: 100, minMinor: 100, maxMinor: 3_000_000 } },
  buyerCountries: { only: ['MY'] },
};

/** Most quotes one fee enquiry (`fpx_msgType=FQ`) prices. */
export const MAX_QUOTES_PER_CALL = 1_000;
