import type { PacketRequest } from './rateCard.js';

export interface BatchRequest {
  userId: string | undefined;
  password: string | undefined;
  packages: PacketRequest[];
}

const ROOT = /^\s*(?:<\?xml[^>]*\?>\s*)?<IntlRateBatchRequest\b([^>]*)>([\s\S]*)<\/IntlRateBatchRequest>\s*$/;
const PACKAGE = /<Package\s+ID="([^"]*)"\s*>([\s\S]*?)<\/Package>/g;
const ATTRIBUTE = /(\w+)="([^"]*)"/g;

/**
 * Reads the batch request the way the vendor's gateway does: a fixed document shape, one
 * `<Package ID="…">` per packet. A document of another shape is `undefined` (the vendor answers
 * with its `<Error>` document). The sandbox only needs to read what adapters write, so a pattern
 * reader is enough here; adapters read the answers with a strict XML parser.
 */
export function readBatchRequest(body: string): BatchRequest | undefined {
  const root = ROOT.exec(body);
  if (!root) return undefined;
  const attributes = Object.fromEntries([...root[1]!.matchAll(ATTRIBUTE)].map((match) => [match[1]!, unescape(match[2]!)]));
  const packages: PacketRequest[] = [];
  for (const match of root[2]!.matchAll(PACKAGE)) {
    const inner = match[2]!;
    const text = (name: string): string | undefined => {
      const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(inner);
      return found ? unescape(found[1]!.trim()) : undefined;
    };
    const grams = Number(text('Grams'));
    const origin = text('OriginCountry');
    const destination = text('DestinationCountry');
    if (origin === undefined || destination === undefined || !Number.isInteger(grams) || grams <= 0) return undefined;
    const sides = ['Length', 'Width', 'Height'].map((name) => Number(text(name)));
    packages.push({
      id: unescape(match[1]!),
      origin,
      destination,
      grams,
      sidesCm: sides.every((side) => Number.isFinite(side) && side > 0) ? sides : undefined,
      lithium: text('LithiumBattery') === 'true',
    });
  }
  return { userId: attributes.USERID, password: attributes.PASSWORD, packages };
}

function unescape(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}
