import { isCurrencyCode, type CurrencyCode } from '../money/index.js';
import { PayloadError, readXml, type XmlElement } from '../validate/index.js';
import { utcMidnight } from './publicationSchedule.js';
import type { ReferenceRates } from './ReferenceRates.js';

/** The vocabulary every eurofxref file has declared since 2002; another one is another document. */
export const EUROFXREF_NAMESPACE = 'http://www.ecb.int/vocabulary/2002-08-01/eurofxref';

const CURRENCY = /^[A-Z]{3}$/;
const RATE = /^\d+(\.\d+)?$/;

export interface ParsedDailyRates {
  readonly rates: ReferenceRates;
  /** Well-formed codes we do not know as ISO 4217 (left out of `rates`, for the caller to log). */
  readonly unknownCurrencies: readonly string[];
}

/**
 * Reads an ECB-style daily file (`eurofxref-daily.xml`): one `<Cube time>` of
 * `<Cube currency rate/>`, units of currency per 1 EUR. Strict: any other shape, a duplicate or
 * non-positive rate, EUR quoted against itself, or an impossible date throws a `PayloadError`.
 */
export function parseEurofxrefDaily(text: string, url: string): ParsedDailyRates {
  const envelope = readXml(text);
  if (envelope.name !== 'gesmes:Envelope') throw new PayloadError('$', '<gesmes:Envelope>', `<${envelope.name}>`);
  if (envelope.attributes.xmlns !== EUROFXREF_NAMESPACE) throw new PayloadError('$@xmlns', EUROFXREF_NAMESPACE, envelope.attributes.xmlns);
  const subject = only(envelope, 'gesmes:subject', '$');
  if (subject.text !== 'Reference rates') throw new PayloadError('$.gesmes:subject', '"Reference rates"', subject.text);
  const sender = only(only(envelope, 'gesmes:Sender', '$'), 'gesmes:name', '$.gesmes:Sender').text;
  if (sender === '') throw new PayloadError('$.gesmes:Sender.gesmes:name', 'the publisher’s name', sender);
  if (envelope.children.length !== 3) throw new PayloadError('$', 'subject, Sender and Cube only', `${envelope.children.length} elements`);

  const outer = only(envelope, 'Cube', '$');
  // A daily file holds one day; the history files hold many and are not read here.
  if (outer.children.length !== 1) throw new PayloadError('$.Cube', 'one day', `${outer.children.length} elements`);
  const day = only(outer, 'Cube', '$.Cube');
  const date = day.attributes.time ?? '';
  try {
    utcMidnight(date);
  } catch {
    throw new PayloadError('$.Cube.Cube@time', 'a date YYYY-MM-DD', date);
  }

  const rates: Partial<Record<CurrencyCode, string>> = {};
  const seen = new Set<string>();
  const unknownCurrencies: string[] = [];
  for (const [index, cube] of day.children.entries()) {
    const path = `$.Cube.Cube[${index}]`;
    const { currency = '', rate = '' } = cube.attributes;
    if (cube.name !== 'Cube' || cube.children.length > 0 || Object.keys(cube.attributes).length !== 2) {
      throw new PayloadError(path, '<Cube currency rate/>', `<${cube.name}>`);
    }
    if (!CURRENCY.test(currency) || currency === 'EUR')
      throw new PayloadError(`${path}@currency`, 'a currency code other than EUR', currency);
    if (seen.has(currency)) throw new PayloadError(`${path}@currency`, 'each currency once', currency);
    seen.add(currency);
    if (!RATE.test(rate) || !/[1-9]/.test(rate)) throw new PayloadError(`${path}@rate`, 'a positive decimal', rate);
    if (isCurrencyCode(currency)) rates[currency] = rate;
    else unknownCurrencies.push(currency);
  }
  if (seen.size === 0) throw new PayloadError('$.Cube.Cube', 'at least one rate', 'none');
  return { rates: { date, source: { name: sender, url }, rates }, unknownCurrencies };
}

/** The one child element called `name`. */
function only(parent: XmlElement, name: string, path: string): XmlElement {
  const found = parent.children.filter((child) => child.name === name);
  if (found.length !== 1 || found[0] === undefined) throw new PayloadError(`${path}.${name}`, `exactly one <${name}>`, `${found.length}`);
  return found[0];
}
