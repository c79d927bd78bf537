import type { ProductArchetype, Titles } from '#packages/sandbox/index.js';

/**
 * Soko's shops write their titles in Swahili, Kenya's national language (English titles are the
 * marketplace's own translation, as on Kenyan platforms that list both). Translations: the
 * sandbox's own (`knowledge`, not checked by a translator). Styles are phrases that stand after
 * any noun ("Chai Nyeusi – Toleo la Zawadi"), so no noun-class agreement is needed.
 */
const ARCHETYPES: Readonly<Record<string, string>> = {
  'green-tea': 'Chai ya Kijani',
  'oolong-tea': 'Chai ya Oolong',
  'black-tea': 'Chai Nyeusi',
  matcha: 'Unga wa Chai ya Matcha',
  'roasted-coffee': 'Punje za Kahawa Zilizokaangwa',
  'ground-coffee': 'Kahawa ya Kusaga',
  'silk-scarf': 'Skafu ya Hariri',
  'silk-fabric': 'Kitambaa cha Hariri',
  'cotton-tshirt': 'Fulana ya Pamba',
  'knit-sweater': 'Sweta ya Pamba Iliyofumwa',
  'phone-case': 'Kasha la Simu',
  'usb-c-charger': 'Chaja ya USB-C',
  earphones: 'Vipokea Sauti vya Masikioni',
  'power-bank': 'Betri ya Akiba ya Simu',
  'usb-cable': 'Waya wa USB',
  lipstick: 'Rangi ya Midomo Isiyong’aa',
  'face-cream': 'Krimu ya Uso',
  'sheet-mask': 'Barakoa ya Uso ya Karatasi',
  'building-blocks': 'Seti ya Vitalu vya Kujenga',
  'plush-toy': 'Mwanasesere Laini',
  'picture-book': 'Kitabu cha Picha',
  cookbook: 'Kitabu cha Mapishi ya Kienyeji',
  'wooden-carving': 'Kinyago cha Mbao cha Kuchongwa kwa Mkono',
  'ceramic-teacup': 'Kikombe cha Chai cha Udongo',
  'woven-basket': 'Kikapu cha Kusuka',
};

/** By each style's English word. */
const STYLES: Readonly<Record<string, string>> = {
  Classic: 'Mtindo wa Kawaida',
  Premium: 'Daraja la Juu',
  Handmade: 'Kazi ya Mkono',
  Organic: 'Asilia',
  'Gift Edition': 'Toleo la Zawadi',
  Traditional: 'Mtindo wa Kitamaduni',
  Everyday: 'Matumizi ya Kila Siku',
  Limited: 'Toleo Maalum',
};

export function swahiliTitleOf(archetype: ProductArchetype, style: Titles): string {
  const noun = ARCHETYPES[archetype.key];
  const phrase = STYLES[style.en];
  if (noun === undefined || phrase === undefined) throw new Error(`no Swahili title for ${archetype.key} / ${style.en}`);
  return `${noun} – ${phrase}`;
}
