import { userInputError } from '#packages/errors/index.js';
import { findControlCharacter } from '#packages/validate/index.js';

/** Longest evidence or note kept, in characters. */
export const MAX_DISPUTE_TEXT = 4_000;

/**
 * Free text of a dispute (the buyer's evidence, the operator's note), trimmed, with line breaks
 * kept (CR LF read as LF). Every other control character, and the bidi marks, are refused outright
 * as in `placeOrder` (`BAD_USER_INPUT` naming the argument): the text is shown to people later.
 * Answers a message when it is empty (where required) or too long.
 */
export function readDisputeText(value: string, field: string, required: boolean): { text: string } | { problem: string } {
  const text = value.replace(/\r\n/g, '\n').trim();
  const bad = findControlCharacter(text.replace(/\n/g, ' '));
  if (bad !== undefined) throw userInputError(`${field}: must not contain control characters (found ${bad})`, field);
  if (required && text === '') return { problem: `${field}: say what happened (1 to ${MAX_DISPUTE_TEXT} characters)` };
  if (text.length > MAX_DISPUTE_TEXT) return { problem: `${field}: at most ${MAX_DISPUTE_TEXT} characters (got ${text.length})` };
  return { text };
}
