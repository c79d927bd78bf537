/**
 * Characters refused in free text people type for a buyer (names, addresses, email, references):
 * every C0 control (U+0000–U+001F, tab, CR and LF included: a name or an address line is one line,
 * and vendors' fixed-width and CSV formats split on them), DEL and the C1 controls
 * (U+007F–U+009F), the line and paragraph separators (U+2028, U+2029), and the bidirectional
 * formatting marks (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which make text read
 * in another order than it is stored (the "Trojan Source" trick, U+202E). Letters of every script,
 * and the zero-width joiners some scripts need, are accepted.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this module's purpose
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

/** The first refused character of `text`, as `U+XXXX`, or undefined when there is none. */
export function findControlCharacter(text: string): string | undefined {
  const match = CONTROL.exec(text);
  return match === null ? undefined : `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
