import type { RulesInForce } from '../../rules/loadRules.js';
import type {
  BandedFlatRateRegime,
  BandedRate,
  CollectedAtSaleRegime,
  CrossBorderRetailRegime,
  FlatDutyPerLineRegime,
  PersonalImportTariffRegime,
  SpecialRegime,
} from '../../rules/types.js';
import { channelMatches } from './chargeParties.js';
import type { Consignment } from './types.js';
import type { Valuation, ValuedItem } from './valueConsignment.js';
import { matchesPrefix, originMatches, ruleMoney, withinThreshold } from './withinThreshold.js';

/** A regime that applies, with the threshold test that let it in (shown in the line's formula). */
export interface Selected<R> {
  readonly regime: R;
  readonly test: string;
}

export interface SpecialRegimes {
  /** BR Remessa Conforme, MX courier global rate: a flat rate by value band instead of duty (and tax). */
  readonly banded: (Selected<BandedFlatRateRegime> & { readonly band: BandedRate }) | undefined;
  /** CN cross-border e-commerce within the single-transaction limit. */
  readonly crossBorderRetail: Selected<CrossBorderRetailRegime> | undefined;
  /** EU €3 per tariff subheading for consignments up to €150. */
  readonly flatDuty: Selected<FlatDutyPerLineRegime> | undefined;
  /** VAT/GST charged by the seller or marketplace at sale: EU IOSS, GB £135, AU, SG, MY, NZ, NO VOEC. */
  readonly collectedAtSale: (Selected<CollectedAtSaleRegime> & { covers(item: ValuedItem): boolean }) | undefined;
  /** IN heading 9804: one rate for goods imported for personal use. */
  readonly personalImportTariff: PersonalImportTariffRegime | undefined;
}

const ofKind =
  <K extends SpecialRegime['kind']>(kind: K) =>
  (regime: SpecialRegime): regime is Extract<SpecialRegime, { kind: K }> =>
    regime.kind === kind;

/**
 * Which special regimes in force apply to this consignment. Assumptions, because a parcel bought
 * on the platform is a B2C distance sale to a consumer for personal use: BR sellers are Remessa
 * Conforme certified (the first regime in the file), IN personal imports use heading 9804 (unless the parcel holds goods the heading excludes), and
 * GB/AU/SG/MY/NZ/NO marketplaces collect the tax at sale as the law obliges them to. EU IOSS is
 * optional: it applies with a declared IOSS number, or for a marketplace sale (`marketplaceCollects`).
 */
export function selectSpecialRegimes(consignment: Consignment, rules: RulesInForce, valuation: Valuation): SpecialRegimes {
  const regimes = rules.specialRegimes.filter(
    (r) => originMatches(r.origins, consignment.origin) && channelMatches(r.channel, consignment.mode),
  );

  // A regime naming the origin (MX: USMCA for US/CA) beats a general one; otherwise the file's order decides.
  const bandedCandidates = regimes.filter(ofKind('bandedFlatRate'));
  const namingOrigin = bandedCandidates.find((r) => r.origins?.include?.includes(consignment.origin));
  const bandedRegime = namingOrigin ?? bandedCandidates[0];
  let banded: SpecialRegimes['banded'];
  if (bandedRegime !== undefined) {
    for (const band of bandedRegime.bands) {
      const test = withinThreshold(valuation, 'customs-value', ruleMoney(band.upTo), 'lte');
      if (test.within) {
        banded = { regime: bandedRegime, band, test: test.text };
        break;
      }
    }
  }

  const cbec = regimes.find(ofKind('crossBorderRetail'));
  const cbecTest = cbec && withinThreshold(valuation, 'customs-value', ruleMoney(cbec.singleTransactionLimit), 'lte');

  const flat = regimes.find(ofKind('flatDutyPerLine'));
  const flatTest = flat && withinThreshold(valuation, 'intrinsic', ruleMoney(flat.maxConsignmentValue), 'lte');

  // The heading is one rate for a whole parcel; the law keeps some goods out of it (IN Chapter 98
  // note 4), so a parcel holding any of them is assessed line by line at the chapter rates instead.
  const personalImport = regimes.find(ofKind('personalImportTariff'));
  const outsideExclusions = (item: ValuedItem) => !matchesPrefix(item.hsCode, personalImport?.excludedHsPrefixes);

  let collectedAtSale: SpecialRegimes['collectedAtSale'];
  for (const regime of regimes.filter(ofKind('collectedAtSale'))) {
    // An optional scheme (EU IOSS) applies when the parcel declares its number, or when a
    // marketplace sale is quoted: the marketplace is the deemed supplier and uses the scheme.
    const registered = regime.registration.mandatory || consignment.iossNumber !== undefined || consignment.marketplaceCollects;
    if (!registered) continue;
    const covers = (item: ValuedItem) => !matchesPrefix(item.hsCode, regime.excludedHsPrefixes);
    if (!valuation.items.some(covers)) continue;
    const test = withinThreshold(valuation, regime.valueBasis, ruleMoney(regime.maxValue), regime.comparison ?? 'lte', {
      perUnit: regime.perUnit === true,
    });
    if (test.within) {
      collectedAtSale = { regime, test: test.text, covers };
      break;
    }
  }

  return {
    banded,
    crossBorderRetail: cbec && cbecTest?.within ? { regime: cbec, test: cbecTest.text } : undefined,
    flatDuty: flat && flatTest?.within ? { regime: flat, test: flatTest.text } : undefined,
    collectedAtSale,
    personalImportTariff: personalImport && valuation.items.every(outsideExclusions) ? personalImport : undefined,
  };
}
