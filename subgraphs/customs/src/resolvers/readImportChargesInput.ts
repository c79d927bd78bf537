import { loadHsNomenclature } from '#packages/hs/index.js';
import { renamedCountryInput, userInputError } from '#packages/errors/index.js';
import { MoneyError, parseMoney, type Money } from '#packages/money/index.js';
import { parseCountryOnly, parseCountryOrRegion } from '#packages/scalars/index.js';
import type { LoadedRules } from '../../rules/loadRules.js';
import type { ImportChargesInput, MoneyInput } from '../__generated__/resolvers.js';
import type { Consignment, Incoterm } from '../importCharges/types.js';

const HS_CODE = /^\d{6,10}$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An IOSS number: "IM", three digits for the member state of identification, seven for the trader. */
const IOSS_NUMBER = /^IM\d{10}$/;

/**
 * Checks `estimateImportCharges(input)` and turns it into a consignment, or throws BAD_USER_INPUT
 * naming the first field at fault as the client wrote it (`input.items[0].hsCode`).
 */
export function readImportChargesInput(input: ImportChargesInput, rules: LoadedRules, today: string): Consignment {
  const originField = renamedCountryInput(input.originCountry, 'input.originCountry', input.origin, 'input.origin');
  const origin = parseCountryOnly(originField.value);
  if ('problem' in origin) throw userInputError(`${originField.path}: ${origin.problem}`, originField.path);
  const destinationField = renamedCountryInput(
    input.destinationCountry,
    'input.destinationCountry',
    input.destination,
    'input.destination',
  );
  const place = parseCountryOrRegion(destinationField.value);
  if ('problem' in place) throw userInputError(`${destinationField.path}: ${place.problem}`, destinationField.path);
  const destination = place.country;
  if (!rules.destinations.has(destination) || destination === 'EU') {
    const supported = [...rules.destinations.keys()].filter((code) => code !== 'EU').sort();
    throw userInputError(
      `${destinationField.path}: no customs rules for ${destination} (supported: ${supported.join(', ')})`,
      destinationField.path,
    );
  }
  if (input.items.length === 0) throw userInputError('input.items: list at least one item', 'input.items');

  let currency: string | undefined;
  const money = (value: MoneyInput, field: string): Money => {
    let parsed: Money;
    try {
      parsed = parseMoney(value.amount, value.currency);
    } catch (error) {
      if (error instanceof MoneyError) throw userInputError(`${field}.amount: ${error.message}`, `${field}.amount`);
      throw error;
    }
    if (parsed.minor < 0n) throw userInputError(`${field}.amount: must not be negative (got ${value.amount})`, `${field}.amount`);
    // One currency per consignment: the declaration is in one invoice currency.
    currency ??= parsed.currency;
    if (parsed.currency !== currency) {
      throw userInputError(
        `${field}.currency: ${parsed.currency} differs from ${currency}; give every amount in one currency`,
        `${field}.currency`,
      );
    }
    return parsed;
  };

  const items = input.items.map((item, i) => {
    const field = `input.items[${i}]`;
    const hsCode = item.hsCode.replace(/[.\s]/g, '');
    if (!HS_CODE.test(hsCode))
      throw userInputError(`${field}.hsCode: "${item.hsCode}" is not an HS code of 6 to 10 digits`, `${field}.hsCode`);
    const checked = loadHsNomenclature().check(hsCode);
    if (!checked.valid) {
      throw userInputError(`${field}.hsCode: ${checked.reason} (classifyProduct proposes codes from a title)`, `${field}.hsCode`);
    }
    if (!Number.isInteger(item.quantity) || item.quantity <= 0) {
      throw userInputError(`${field}.quantity: must be a whole number of at least 1 (got ${item.quantity})`, `${field}.quantity`);
    }
    return { hsCode, quantity: item.quantity, value: money(item.value, `${field}.value`) };
  });
  const shipping = input.shipping == null ? undefined : money(input.shipping, 'input.shipping');
  const postBorderTransport = input.postBorderTransport == null ? undefined : money(input.postBorderTransport, 'input.postBorderTransport');

  // The schema's `Incoterm` enum admits only Incoterms 2020 rules; DAP when none is given.
  const incoterm: Incoterm = input.incoterm ?? 'DAP';
  const iossNumber = input.iossNumber == null ? undefined : input.iossNumber.trim().toUpperCase();
  if (iossNumber !== undefined && !IOSS_NUMBER.test(iossNumber)) {
    throw userInputError(`input.iossNumber: "${input.iossNumber}" is not an IOSS number (IM followed by 10 digits)`, 'input.iossNumber');
  }

  return {
    origin: origin.country,
    destination,
    region: place.region,
    // The enum already refused an unknown mode (BAD_USER_INPUT naming input.mode).
    mode: input.mode ?? 'EXPRESS',
    items,
    shipping,
    postBorderTransport,
    incoterm,
    date: input.date == null ? today : readDay(input.date),
    iossNumber,
    // A hand-described consignment uses an optional scheme (IOSS) only with its number.
    marketplaceCollects: false,
    soldOnMarketplace: input.soldOnMarketplace ?? true,
    alreadyImported: false,
    carrierFees: [],
  };
}

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
function readDay(text: string): string {
  const match = ISO_DAY.exec(text.trim());
  const day = match ? new Date(`${match[0]}T00:00:00Z`) : undefined;
  if (!match || day === undefined || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== match[0]) {
    throw userInputError(`input.date: "${text}" is not a calendar date YYYY-MM-DD`, 'input.date');
  }
  return match[0];
}
