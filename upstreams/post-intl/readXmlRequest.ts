/** A flat request document as the vendor's gateway reads it: root attributes, leaf texts, repeated empty elements. */
export interface XmlRequest {
  readonly attributes: Readonly<Record<string, string>>;
  /** The text of the first `<name>…</name>`, entities decoded; undefined when absent. */
  text(name: string): string | undefined;
  /** The attributes of every `<name …/>`, e.g. each `<TrackID ID="…"/>`. */
  all(name: string): Array<Record<string, string>>;
}

const ATTRIBUTE = /(\w+)="([^"]*)"/g;

/**
 * Reads the label, cancel and track documents the way a post office gateway does: a fixed, flat
 * shape under `<root>`. Anything else is undefined (the vendor answers with its `<Error>`
 * document). Like `readBatchRequest`, a pattern reader suffices: the sandbox only reads what
 * adapters write, and adapters read answers with a strict parser.
 */
export function readXmlRequest(body: string, root: string): XmlRequest | undefined {
  const match = new RegExp(`^\\s*(?:<\\?xml[^>]*\\?>\\s*)?<${root}\\b([^>]*)>([\\s\\S]*)</${root}>\\s*$`).exec(body);
  if (!match) return undefined;
  const inner = match[2]!;
  const attributesOf = (text: string) => Object.fromEntries([...text.matchAll(ATTRIBUTE)].map((m) => [m[1]!, unescape(m[2]!)]));
  return {
    attributes: attributesOf(match[1]!),
    text(name) {
      const found = new RegExp(`<${name}>([^<]*)</${name}>`).exec(inner);
      return found ? unescape(found[1]!.trim()) : undefined;
    },
    all: (name) => [...inner.matchAll(new RegExp(`<${name}\\b([^>]*?)/?>`, 'g'))].map((m) => attributesOf(m[1]!)),
  };
}

function unescape(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
}
