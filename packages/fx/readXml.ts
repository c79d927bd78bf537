import { PayloadError } from '../validate/index.js';

/** An element of a small, plain XML document. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** Character data directly inside the element, entities decoded, trimmed. */
  readonly text: string;
}

const NAME = /[A-Za-z_][A-Za-z0-9_.:-]*/y;
const ENTITY = /&(lt|gt|amp|quot|apos);|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Rate files are four levels deep; a much deeper document is not one of them. */
const MAX_DEPTH = 16;

/**
 * A strict reader for the plain XML rate publishers write: a declaration, elements, attributes,
 * text and comments. Anything else — DOCTYPE (entity declarations are how billion-laughs documents
 * are built), CDATA, processing instructions, numeric references — and anything not well-formed
 * throws a `PayloadError`. Purpose-built rather than a dependency: the format is fixed and small.
 */
export function readXml(source: string): XmlElement {
  let at = source.startsWith('\uFEFF') ? 1 : 0;

  const fail = (expected: string): never => {
    throw new PayloadError(`xml@${at}`, `well-formed XML (${expected})`, source.slice(at, at + 30));
  };
  const startsWith = (text: string): boolean => source.startsWith(text, at);
  const skipSpace = (): boolean => {
    const start = at;
    while (at < source.length && ' \t\r\n'.includes(source.charAt(at))) at++;
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
  const decode = (raw: string): string => raw.replace(ENTITY, (whole, named: string | undefined) => NAMED[named ?? ''] ?? fail(whole));
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
      const quote = source.charAt(at);
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
        return { name: tag, attributes, children, text: text.trim() };
      }
      if (startsWith('<!--')) skipPast('-->');
      else if (startsWith('<!') || startsWith('<?')) fail('no CDATA or processing instruction');
      else if (startsWith('<')) children.push(element(depth + 1));
      else {
        const stop = source.indexOf('<', at);
        if (stop < 0) fail(`</${tag}>`);
        text += decode(source.slice(at, stop));
        at = stop;
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
