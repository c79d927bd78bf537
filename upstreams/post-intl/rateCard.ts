/**
 * Interpost's international small-packet rate card (UPU letter-post "small packet" rules), billed
 * in US dollars. Zones are by destination country; prices by zone and weight band, in cents.
 */
export const BILLING_CURRENCY = 'USD';
export const RATE_CARD = 'INTERPOST-SP-2025';
/** UPU small packets: at most 2 kg, longest side 60 cm, length + width + height at most 90 cm. */
export const MAX_GRAMS = 2_000;
export const MAX_LONGEST_SIDE_CM = 60;
export const MAX_SUM_OF_SIDES_CM = 90;
/** Destinations where mail exchange is suspended. */
const SUSPENDED = new Set(['KP', 'SY', 'YE', 'AF']);

export type Zone = 1 | 2 | 3 | 4;
const ZONE_COUNTRIES: Record<Exclude<Zone, 4>, readonly string[]> = {
  1: ['CN', 'HK', 'TW', 'JP', 'KR', 'MY', 'SG', 'TH', 'VN', 'ID', 'PH'],
  2: ['DE', 'FR', 'NL', 'ES', 'IT', 'GB', 'AT', 'BE', 'PL', 'SE', 'DK', 'IE', 'PT', 'CH', 'CZ', 'FI'],
  3: ['US', 'CA', 'MX', 'BR', 'AR', 'CL', 'CO', 'AU', 'NZ'],
};

/** Upper bounds of the weight bands, in grams. */
export const WEIGHT_BANDS_G = [100, 250, 500, 1_000, 2_000] as const;
/** Economy postage in cents per zone, one price per weight band. */
const ECONOMY_CENTS: Record<Zone, readonly number[]> = {
  1: [180, 260, 420, 690, 1_150],
  2: [250, 380, 610, 1_020, 1_790],
  3: [280, 420, 690, 1_160, 2_050],
  4: [320, 490, 810, 1_380, 2_440],
};
/** Registration adds tracking scans at posting and delivery. */
const REGISTRATION_FEE_CENTS = 350;
const TRANSIT_DAYS: Record<Zone, { economy: [number, number]; registered: [number, number] }> = {
  1: { economy: [7, 15], registered: [6, 12] },
  2: { economy: [10, 20], registered: [8, 16] },
  3: { economy: [12, 25], registered: [10, 20] },
  4: { economy: [15, 35], registered: [12, 28] },
};

export interface PacketRequest {
  id: string;
  origin: string;
  destination: string;
  grams: number;
  sidesCm: readonly number[] | undefined;
  lithium: boolean;
}

/** Each service as Interpost sells it at the counter (its rate answers name it beside the code). */
export const SERVICE_NAMES: Readonly<Record<PostageService['code'], string>> = {
  ECONOMY: 'Interpost Economy Airmail',
  REGISTERED: 'Interpost Registered Airmail',
};

export interface PostageService {
  code: 'ECONOMY' | 'REGISTERED';
  cents: number;
  bandUpToGrams: number;
  days: readonly [number, number];
  tracking: 'NONE' | 'BASIC';
}

export type PacketRate = { zone: Zone; services: PostageService[] } | { refused: { code: string; description: string } };

export function zoneOf(country: string): Zone {
  for (const zone of [1, 2, 3] as const) if (ZONE_COUNTRIES[zone].includes(country)) return zone;
  return 4;
}

/** Prices one packet, or says why the post will not carry it. */
export function ratePacket(packet: PacketRequest): PacketRate {
  const refuse = (code: string, description: string): PacketRate => ({ refused: { code, description } });
  if (packet.origin === packet.destination) return refuse('DOMESTIC', 'domestic mail is not rated by the international API');
  if (SUSPENDED.has(packet.destination)) return refuse('SUSPENDED', `mail exchange with ${packet.destination} is suspended`);
  if (packet.lithium) return refuse('LITHIUM', 'lithium batteries are prohibited in international mail');
  if (packet.grams > MAX_GRAMS) return refuse('OVERWEIGHT', `${packet.grams} g is over the ${MAX_GRAMS} g small-packet limit`);
  const sides = packet.sidesCm ?? [];
  if (Math.max(0, ...sides) > MAX_LONGEST_SIDE_CM || sides.reduce((sum, side) => sum + side, 0) > MAX_SUM_OF_SIDES_CM) {
    return refuse('OVERSIZE', `small packets measure at most ${MAX_LONGEST_SIDE_CM} cm, and ${MAX_SUM_OF_SIDES_CM} cm all sides together`);
  }
  const zone = zoneOf(packet.destination);
  const band = WEIGHT_BANDS_G.findIndex((limit) => packet.grams <= limit);
  const economy = ECONOMY_CENTS[zone][band]!;
  const bandUpToGrams = WEIGHT_BANDS_G[band]!;
  return {
    zone,
    services: [
      { code: 'ECONOMY', cents: economy, bandUpToGrams, days: TRANSIT_DAYS[zone].economy, tracking: 'NONE' },
      {
        code: 'REGISTERED',
        cents: economy + REGISTRATION_FEE_CENTS,
        bandUpToGrams,
        days: TRANSIT_DAYS[zone].registered,
        tracking: 'BASIC',
      },
    ],
  };
}
