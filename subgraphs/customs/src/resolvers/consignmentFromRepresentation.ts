import { GraphQLError } from 'graphql';
import { ErrorCode } from '#packages/errors/index.js';
import { fromMinor, MoneyError, parseMoney, type Money } from '#packages/money/index.js';
import type { CarrierFee, Consignment, CustomsMode, ItemClassification } from '../importCharges/types.js';
import type { MoneyRepresentation, ShippingOptionRepresentation } from '../models.js';

/**
 * The consignment behind a shipping option, from the fields logistics sent in the representation
 * (`@requires`): no call to any other subgraph. The buyer pays import charges (DAP) under today's
 * rules; the option's cost up to the place of entry is the freight (a two-leg line's last mile is
 * transport after it); an option without an HS code is charged the destination's default duty rate.
 * Every offer is a marketplace's, so the marketplace's collection schemes (IOSS) are assumed.
 */
export function consignmentFromRepresentation(option: ShippingOptionRepresentation, today: string): Consignment {
  const { consignment, cost } = option;
  if (consignment === undefined || cost === undefined) {
    throw badRepresentation(option, 'the representation lacks cost or consignment (the @requires fields)');
  }
  const hsCode = (consignment.hsCode ?? '').replace(/[.\s]/g, '');
  if (hsCode !== '' && !/^\d{6,10}$/.test(hsCode)) throw badRepresentation(option, `HS code "${consignment.hsCode}" is not 6 to 10 digits`);
  const total = money(option, cost);
  const postBorder = consignment.postBorderTransport == null ? undefined : money(option, consignment.postBorderTransport);
  return {
    origin: consignment.originCountry,
    destination: consignment.destinationCountry,
    region: consignment.destinationRegion ?? undefined,
    mode: (consignment.customsMode ?? 'EXPRESS') satisfies CustomsMode,
    items: [{ hsCode, quantity: consignment.quantity, value: money(option, consignment.goodsValue), ...classificationOf(option, hsCode) }],
    shipping: postBorder === undefined ? total : subtract(option, total, postBorder),
    postBorderTransport: postBorder,
    incoterm: 'DAP',
    date: today,
    iossNumber: undefined,
    marketplaceCollects: true,
    soldOnMarketplace: true,
    alreadyImported: consignment.alreadyImported,
    carrierFees: (consignment.carrierFees ?? []).map((fee): CarrierFee => ({
      carrier: fee.carrier,
      name: fee.name,
      kind: fee.kind === 'DISBURSEMENT' ? 'DISBURSEMENT' : 'CLEARANCE',
      fixed: money(option, fee.fixed),
      rateBp: fee.rateBp,
      minimum: fee.minimum == null ? undefined : money(option, fee.minimum),
      source: fee.source,
    })),
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

function subtract(option: ShippingOptionRepresentation, total: Money, part: Money): Money {
  if (part.currency !== total.currency || part.minor > total.minor) {
    throw badRepresentation(option, 'postBorderTransport is not a part of cost in the same currency');
  }
  return fromMinor(total.minor - part.minor, total.currency);
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
