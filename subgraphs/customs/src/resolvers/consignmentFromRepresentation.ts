import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { MoneyError, parseMoney, type Money } from '#packages/money/index.js';
import type { Consignment, ItemClassification } from '../importCharges/types.js';
import type { MoneyRepresentation, ShippingOptionRepresentation } from '../models.js';

/**
 * The consignment behind a shipping option, from the fields logistics sent in the representation
 * (`@requires`): no call to any other subgraph. The buyer pays import charges (DAP) under today's
 * rules; an option without an HS code is charged the destination's default duty rate.
 */
export function consignmentFromRepresentation(option: ShippingOptionRepresentation, today: string): Consignment {
  const { consignment, cost } = option;
  if (consignment === undefined || cost === undefined) {
    throw badRepresentation(option, 'the representation lacks cost or consignment (the @requires fields)');
  }
  const hsCode = (consignment.hsCode ?? '').replace(/[.\s]/g, '');
  if (hsCode !== '' && !/^\d{6,10}$/.test(hsCode)) throw badRepresentation(option, `HS code "${consignment.hsCode}" is not 6 to 10 digits`);
  return {
    origin: consignment.originCountry,
    destination: consignment.destinationCountry,
    items: [{ hsCode, quantity: consignment.quantity, value: money(option, consignment.goodsValue), ...classificationOf(option, hsCode) }],
    shipping: money(option, cost),
    incoterm: 'DAP',
    date: today,
    iossNumber: undefined,
    alreadyImported: consignment.alreadyImported,
  };
}

const STATUSES: readonly ItemClassification['status'][] = ['DECLARED', 'SUGGESTED', 'INVALID', 'UNKNOWN'];

/** Where the consignment's code came from, as logistics carried it from the catalog. */
function classificationOf(option: ShippingOptionRepresentation, hsCode: string): { classification?: ItemClassification } {
  const { hsCodeStatus, hsCodeConfidence, rejectedHsCode } = option.consignment!;
  if (hsCodeStatus == null) return {};
  if (!STATUSES.includes(hsCodeStatus as ItemClassification['status']))
    throw badRepresentation(option, `HS code status "${hsCodeStatus}" is not one of ${STATUSES.join(', ')}`);
  const status = hsCodeStatus as ItemClassification['status'];
  if ((status === 'DECLARED' || status === 'SUGGESTED') === (hsCode === ''))
    throw badRepresentation(option, `an HS code status ${status} with HS code "${hsCode}"`);
  if (status === 'SUGGESTED' && typeof hsCodeConfidence !== 'number')
    throw badRepresentation(option, 'a SUGGESTED HS code without its confidence');
  return { classification: { status, confidence: hsCodeConfidence ?? null, rejectedHsCode: rejectedHsCode ?? null } };
}

function money(option: ShippingOptionRepresentation, value: MoneyRepresentation): Money {
  try {
    return parseMoney(value.amount, value.currency);
  } catch (error) {
    if (error instanceof MoneyError) throw badRepresentation(option, error.message);
    throw error;
  }
}

/** Logistics sent something we cannot read: a fault between subgraphs, not the client's. */
function badRepresentation(option: ShippingOptionRepresentation, problem: string): GraphQLError {
  return new GraphQLError(`ShippingOption ${option.id}: ${problem}`, { extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
}
