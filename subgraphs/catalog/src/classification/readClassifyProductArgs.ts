import { userInputError } from '#packages/errors/index.js';

/** Longest title `classifyProduct` reads: longer than any marketplace allows, short enough to bound the work. */
export const MAX_TITLE_LENGTH = 1_000;
export const MAX_DESCRIPTION_LENGTH = 5_000;
export const MAX_SUGGESTIONS = 10;

/** The arguments of `classifyProduct`, checked: BAD_USER_INPUT naming the argument at fault. */
export function readClassifyProductArgs(args: { title: string; description?: string | null; first?: number | null }) {
  const title = args.title.trim();
  if (title === '') throw userInputError('title: say what the product is (1 to 1,000 characters)', 'title');
  if (title.length > MAX_TITLE_LENGTH) {
    throw userInputError(
      `title: at most ${MAX_TITLE_LENGTH.toLocaleString('en')} characters (got ${title.length.toLocaleString('en')})`,
      'title',
    );
  }
  const description = args.description?.trim() || undefined;
  if (description !== undefined && description.length > MAX_DESCRIPTION_LENGTH) {
    throw userInputError(`description: at most ${MAX_DESCRIPTION_LENGTH.toLocaleString('en')} characters`, 'description');
  }
  const first = args.first ?? 3;
  if (!Number.isInteger(first) || first < 1 || first > MAX_SUGGESTIONS) {
    throw userInputError(`first: from 1 to ${MAX_SUGGESTIONS} (got ${first})`, 'first');
  }
  return { title, description, first };
}
