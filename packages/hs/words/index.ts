import { ACCESSORY_WORDS } from './accessoryWords.js';
import { APPAREL_WORDS } from './apparelWords.js';
import { APPLIANCE_WORDS } from './applianceWords.js';
import { BEAUTY_WORDS } from './beautyWords.js';
import { ELECTRONICS_WORDS } from './electronicsWords.js';
import { FOOD_WORDS } from './foodWords.js';
import { HOME_WORDS } from './homeWords.js';
import { LEISURE_WORDS } from './leisureWords.js';
import type { ProductWord } from './productWord.js';

export { ATTRIBUTE_WORDS, IMPLICIT_ATTRIBUTES, type AttributeWord } from './attributeWords.js';
export { LANGUAGES, word, type Language, type ProductWord } from './productWord.js';

/** The curated table of everyday product words, all groups together (see the package README). */
export const PRODUCT_WORDS: readonly ProductWord[] = [
  ...APPAREL_WORDS,
  ...ACCESSORY_WORDS,
  ...ELECTRONICS_WORDS,
  ...APPLIANCE_WORDS,
  ...BEAUTY_WORDS,
  ...FOOD_WORDS,
  ...HOME_WORDS,
  ...LEISURE_WORDS,
];
