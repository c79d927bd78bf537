import { PayloadError, type XmlElement } from '#packages/validate/index.js';
import { readAmount } from '../readAmount.js';
import { readTrackingLevel } from '../readTrackingLevel.js';
import type { RateAnswer, RateQuote, RateRequest } from '../ports.js';

export const CARRIER_ID = 'post-intl';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
/** Text or an attribute value, escaped for the vendor's XML. */
export const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
/** `<name>value</name>`, escaped. */
export const leaf = (name: string, value: string | number): string => `<${name}>${escape(String(value))}</${name}>`;

/** The vendor's batch document: credentials on the root, one `<Package ID>` per request, grams. */
export function toBatchXml(requests: readonly RateRequest[], credentials: { userId: string; password: string }): string {
  const packages = requests.map((request, index) => {
    const [length, width, height] = request.dimensionsCm ?? [];
    return (
      `<Package ID="${index}">` +
      leaf('OriginCountry', request.from) +
      leaf('DestinationCountry', request.to) +
      leaf('Grams', request.weightGrams) +
      (length === undefined ? '' : leaf('Length', length) + leaf('Width', width!) + leaf('Height', height!)) +
      leaf('LithiumBattery', String(request.containsLithiumBattery)) +
      `</Package>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<IntlRateBatchRequest USERID="${escape(credentials.userId)}" PASSWORD="${escape(credentials.password)}">${packages.join('')}</IntlRateBatchRequest>`
  );
}

/** Thrown for the vendor's `<Error>` document: the whole request was refused. */
export class PostIntlError extends Error {
  override name = 'PostIntlError';
  constructor(
    readonly number: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads `<IntlRateBatchResponse>` into one answer per request, matched by `ID`; a request the
 * vendor left out is a `PayloadError`. Tracking words the vendor adds later come back `undefined`
 * for the adapter to log and read as the weakest level.
 */
export function readBatchResponse(root: XmlElement, count: number, onUnknownTracking: (word: string) => void): RateAnswer[] {
  if (root.name === 'Error') throw new PostIntlError(text(root, 'Number', '$'), text(root, 'Description', '$'));
  if (root.name !== 'IntlRateBatchResponse') throw new PayloadError('$', '<IntlRateBatchResponse>', `<${root.name}>`);
  const currency = root.attributes.currency ?? missing('$@currency');
  const rateCard = root.attributes.rateCard ?? missing('$@rateCard');
  const byId = new Map(root.children.filter((child) => child.name === 'Package').map((element) => [element.attributes.ID, element]));
  return Array.from({ length: count }, (_, index) => {
    const path = `$.Package[ID=${index}]`;
    const element = byId.get(String(index)) ?? missing(path);
    const error = element.children.find((child) => child.name === 'Error');
    if (error) return { quotes: [], refusals: [{ mode: 'POSTAL', reason: text(error, 'Description', `${path}.Error`) }] };
    const zone = text(element, 'Zone', path);
    if (!/^[1-9]$/.test(zone)) throw new PayloadError(`${path}.Zone`, 'a zone number', zone);
    const services = element.children.filter((child) => child.name === 'Service');
    if (services.length === 0) throw new PayloadError(`${path}.Service`, 'at least one service', undefined);
    const quotes = services.map((service, at): RateQuote => {
      const servicePath = `${path}.Service[${at}]`;
      const code = service.attributes.code ?? missing(`${servicePath}@code`);
      const postage = text(service, 'Postage', servicePath);
      const bandGrams = wholeNumber(text(service, 'WeightBandUpTo', servicePath), `${servicePath}.WeightBandUpTo`);
      const transit = child(service, 'Transit', servicePath);
      const tracking = text(service, 'Tracking', servicePath);
      return {
        service: code,
        serviceName: text(service, 'Name', servicePath),
        mode: 'POSTAL',
        cost: readAmount(postage, currency, `${servicePath}.Postage`),
        transitDays: {
          min: wholeNumber(transit.attributes.minDays, `${servicePath}.Transit@minDays`),
          max: wholeNumber(transit.attributes.maxDays, `${servicePath}.Transit@maxDays`),
        },
        trackingLevel: readTrackingLevel(tracking, onUnknownTracking),
        incoterms: ['DAP'], // posts collect import charges from the addressee
        breakdown: `Interpost rate card ${rateCard}, ${code}: zone ${zone}, weight band up to ${bandGrams} g, postage ${currency} ${postage}, no fuel surcharge`,
      };
    });
    return { quotes, refusals: [] };
  });
}

function wholeNumber(value: string | undefined, path: string): number {
  if (value === undefined || !/^\d{1,6}$/.test(value)) throw new PayloadError(path, 'a whole number', value);
  return Number(value);
}

function child(parent: XmlElement, name: string, path: string): XmlElement {
  const found = parent.children.filter((element) => element.name === name);
  if (found.length !== 1) throw new PayloadError(`${path}.${name}`, 'exactly one element', `${found.length} elements`);
  return found[0]!;
}

function text(parent: XmlElement, name: string, path: string): string {
  return child(parent, name, path).text.trim();
}

function missing(path: string): never {
  throw new PayloadError(path, 'a value', undefined);
}
