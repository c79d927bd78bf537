import { PayloadError } from './vendorPayload.js';

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data inside a leaf element, entities decoded; empty for an element with children. */
  readonly text: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const REFERENCE = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Vendor documents are a few levels deep; anything much deeper is not one of them. */
const MAX_DEPTH = 32;

/**
 * A strict reader for the plain XML vendors write (Ichiba's API, Interpost's rates, the ECB's
 * reference rates): elements, attributes, text, comments, CDATA. Anything else, and anything not
 * well-formed, throws a `PayloadError`. DTDs are refused outright: entity declarations are how
 * billion-laughs documents are built, and no vendor of ours sends one. Purpose-built rather than
 * a dependency: the documents are small and fixed, and the reader must refuse what it does not know.
 */
export function readXml(source: string): XmlElement {
  let at = source.startsWith('\uFEFF') ? 1 : 0;

  function fail(expected: string): never {
    throw new PayloadError(`xml@${at}`, `well-formed XML (${expected})`, source.slice(at, at + 30));
  }
  const startsWith = (text: string): boolean => source.startsWith(text, at);
  const skipSpace = (): boolean => {
    const start = at;
    while (at < source.length && ' \t\r\n'.includes(source[at]!)) at++;
    return at > start;
  };
  const skipPast = (end: string): string => {
    const stop = source.indexOf(end, at);
    if (stop < 0) fail(end);
    const skipped = source.slice(at, stop);
    at = stop + end.length;
    return skipped;
  };
  const expect = (text: string): void => {
    if (!startsWith(text)) fail(`"${text}"`);
    at += text.length;
  };
  const name = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(source);
    if (!match) return fail('a name');
    at += match[0].length;
    return match[0];
  };
  const decode = (raw: string): string =>
    raw.replace(REFERENCE, (whole, named: string | undefined, decimal: string | undefined, hex: string | undefined) => {
      if (named !== undefined) return NAMED[named] ?? fail(whole);
      const codePoint = decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : 0;
      return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : fail('a known entity or character reference');
    });
  const skipComments = (): void => {
    while ((skipSpace(), startsWith('<!--'))) skipPast('-->');
  };

  function element(depth: number): XmlElement {
    if (depth > MAX_DEPTH) fail(`nesting no deeper than ${MAX_DEPTH}`);
    expect('<');
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = skipSpace();
      if (startsWith('/>')) {
        at += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (startsWith('>')) break;
      if (!spaced) fail('a space before an attribute');
      const attribute = name();
      skipSpace();
      expect('=');
      skipSpace();
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail('a quoted attribute value');
      at++;
      const raw = skipPast(quote);
      if (raw.includes('<')) fail('no "<" in an attribute value');
      if (Object.hasOwn(attributes, attribute)) fail(`attribute ${attribute} only once`);
      attributes[attribute] = decode(raw);
    }
    at++; // past '>'
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (at >= source.length) fail(`</${tag}>`);
      if (startsWith('</')) {
        at += 2;
        const closing = name();
        if (closing !== tag) fail(`</${tag}>, not </${closing}>`);
        skipSpace();
        expect('>');
        // The vendor never mixes text and elements; a document that does is not theirs.
        if (children.length > 0 && text.trim() !== '') fail(`either text or elements inside <${tag}>`);
        return { name: tag, attributes, children, text: children.length > 0 ? '' : text };
      }
      if (startsWith('<!--')) skipPast('-->');
      else if (startsWith('<![CDATA[')) {
        at += 9;
        text += skipPast(']]>');
      } else if (startsWith('<')) children.push(element(depth + 1));
      else {
        const stop = source.indexOf('<', at);
        text += decode(source.slice(at, stop < 0 ? source.length : stop));
        at = stop < 0 ? source.length : stop;
      }
    }
  }

  if (startsWith('<?xml')) skipPast('?>');
  skipComments();
  if (startsWith('<!')) fail('no DOCTYPE');
  const root = element(0);
  skipComments();
  if (at !== source.length) fail('nothing after the root element');
  return root;
}
