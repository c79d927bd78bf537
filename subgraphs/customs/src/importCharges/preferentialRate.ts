import type { AgreementInForce, RulesInForce } from '../../rules/loadRules.js';
import type { PreferentialRate } from '../../rules/types.js';
import { tradingParty } from './tradingParty.js';

/** A preferential rate the origin can claim, and the agreement granting it. */
export interface Preference {
  readonly rate: PreferentialRate;
  readonly agreement: AgreementInForce['agreement'];
}

/**
 * The lowest preferential rate any agreement in force grants goods from `origin` under `hsCode`.
 * The goods are assumed to originate where they ship from (a statement on origin is the seller's
 * job). An EU member state claims the union's agreements.
 */
export function preferentialRate(rules: RulesInForce, origin: string, hsCode: string): Preference | undefined {
  const party = tradingParty(origin);
  let best: Preference | undefined;
  for (const inForce of rules.agreements) {
    if (!inForce.partners.includes(origin) && !inForce.partners.includes(party)) continue;
    const rate = inForce.preferentialRateFor(hsCode);
    if (rate !== undefined && (best === undefined || rate.rateBp < best.rate.rateBp)) best = { rate, agreement: inForce.agreement };
  }
  return best;
}
