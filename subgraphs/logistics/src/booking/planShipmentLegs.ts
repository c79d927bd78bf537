import { assertNever, userInputError } from '#packages/errors/index.js';
import type { CarrierAdapter, ShippingMode } from '../adapters/ports.js';
import type { ShippingOptionKey } from '../shipping/shippingOptionId.js';

/** One label to book: which carrier, which of its services, and the leg's mode. */
export interface PlannedLabel {
  readonly adapter: CarrierAdapter;
  readonly service: string;
  readonly mode: ShippingMode;
}

/**
 * The labels a quoted shipping option needs, read from its id alone (see `buildShippingOption`):
 * one for a door-to-door carrier (its mode: POSTAL or EXPRESS) or a last mile on its own (DOMESTIC,
 * or OVERSEAS_WAREHOUSE when the goods come from stock abroad); two for a dedicated line, whose
 * service reads `line:SERVICE+lastmile:SERVICE` — the line haul, then the last mile.
 */
export function planShipmentLegs(option: ShippingOptionKey, originCountry: string, carriers: readonly CarrierAdapter[]): PlannedLabel[] {
  const carrier = (id: string) => {
    const adapter = carriers.find((candidate) => candidate.carrier.id === id);
    if (!adapter) throw userInputError(`input.shippingOptionId: carrier "${id}" is not one logistics books with`, 'input.shippingOptionId');
    return adapter;
  };
  const first = carrier(option.carrierId);
  switch (first.role) {
    case 'door-to-door':
      return [{ adapter: first, service: option.service, mode: first.carrier.modes[0] ?? 'EXPRESS' }];
    case 'last-mile':
      return [{ adapter: first, service: option.service, mode: originCountry === option.to ? 'DOMESTIC' : 'OVERSEAS_WAREHOUSE' }];
    case 'line-haul': {
      const legs = option.service.split('+').map((leg) => /^([a-z0-9-]+):(.+)$/.exec(leg));
      if (legs.length !== 2 || legs.some((leg) => leg === null) || legs[0]![1] !== first.carrier.id) {
        throw userInputError('input.shippingOptionId: a dedicated line is a line haul and a last mile', 'input.shippingOptionId');
      }
      const lastMile = carrier(legs[1]![1]!);
      if (lastMile.role !== 'last-mile')
        throw userInputError(`input.shippingOptionId: ${lastMile.carrier.id} is not a last-mile carrier`, 'input.shippingOptionId');
      return [
        { adapter: first, service: legs[0]![2]!, mode: 'DEDICATED_LINE' },
        { adapter: lastMile, service: legs[1]![2]!, mode: 'DOMESTIC' },
      ];
    }
    default:
      return assertNever(first.role);
  }
}
