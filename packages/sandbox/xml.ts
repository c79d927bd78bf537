/** Just enough XML writing for the XML sandboxes' answers (jp-ichiba, post-intl): elements, attributes, escaped text. */
export type XmlContent = string | number | readonly string[];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escape = (text: string): string => text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);

/** `<name a="1">text</name>`; an array is a list of already-written child elements. */
export function el(name: string, content: XmlContent, attributes: Record<string, string> = {}): string {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escape(value)}"`)
    .join('');
  const inner = Array.isArray(content) ? content.join('') : escape(String(content));
  return `<${name}${attrs}>${inner}</${name}>`;
}

export const xmlDocument = (root: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n${root}\n`;
