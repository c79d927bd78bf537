import { EU_MEMBER_STATES } from '#packages/countries/index.js';
import { userInputError } from '#packages/errors/index.js';

/** IOSS numbers read `IM`, three digits of the issuing state's code, seven more digits. */
const IOSS_NUMBER = /^IM\d{10}$/;

/**
 * The IOSS number to print on a leg's customs documents: only on a leg that imports into the EU
 * from outside it, where customs uses it to let the parcel through with VAT already collected.
 * Whether the consignment is within IOSS's EUR 150 is the seller's (and payments') call: logistics
 * does no FX, so it prints what it is given.
 */
export function iossNumberFor(iossNumber: string | null | undefined, from: string, to: string): string | undefined {
  if (iossNumber == null || iossNumber === '') return undefined;
  if (!IOSS_NUMBER.test(iossNumber)) throw userInputError('input.iossNumber: IM followed by 10 digits', 'input.iossNumber');
  return EU_MEMBER_STATES.has(to) && !EU_MEMBER_STATES.has(from) ? iossNumber : undefined;
}
