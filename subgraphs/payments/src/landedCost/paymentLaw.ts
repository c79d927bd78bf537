import { EU_MEMBER_STATE_LIST } from '#packages/countries/index.js';

/** A rule of payment law with its period and citation (`validTo` inclusive), like customs' rule files. */
export interface PaymentLawRule {
  readonly id: string;
  readonly validFrom: string;
  readonly validTo?: string;
  readonly source: {
    readonly title: string;
    readonly url: string;
    readonly section?: string;
    readonly status: 'verified' | 'knowledge' | 'unverified';
    readonly note?: string;
  };
}

/** Where a payee may not pass the payment fee on to a consumer: the fee stays the seller's. */
export interface SurchargeBan extends PaymentLawRule {
  readonly countries: readonly string[];
}

/** BR IOF on a Brazilian's card payment to a merchant abroad: a tax on the foreign-exchange operation. */
export interface CardFxTax extends PaymentLawRule {
  readonly buyerCountry: string;
  readonly method: 'CARD';
  readonly rateBp: number;
}

export const SURCHARGE_BANS: readonly SurchargeBan[] = [
  {
    id: 'EU-PSD2-no-surcharge',
    validFrom: '2018-01-13',
    countries: EU_MEMBER_STATE_LIST,
    source: {
      title:
        'Directive (EU) 2015/2366 (PSD2), art. 62(4): no charges for the use of payment instruments whose interchange fees Regulation (EU) 2015/751 caps, nor for SEPA transfers and debits',
      url: 'https://eur-lex.europa.eu/eli/dir/2015/2366/oj',
      section: 'art. 62(4)',
      status: 'knowledge',
      note: 'Consumer cards and SEPA payments are covered everywhere; many member states extend the ban to every instrument. The platform applies it to every method for EU consumers rather than surcharge where a national rule may forbid it.',
    },
  },
  {
    id: 'EEA-PSD2-no-surcharge',
    validFrom: '2018-01-13',
    countries: ['IS', 'LI', 'NO'],
    source: {
      title: 'Directive (EU) 2015/2366 (PSD2) art. 62(4) as incorporated into the EEA Agreement (Annex IX) and national law',
      url: 'https://eur-lex.europa.eu/eli/dir/2015/2366/oj',
      section: 'art. 62(4)',
      status: 'unverified',
      note: 'The date each EEA EFTA state applied the ban was not confirmed; applied from the EU date here.',
    },
  },
  {
    id: 'GB-payment-surcharges-regulations',
    validFrom: '2018-01-13',
    countries: ['GB'],
    source: {
      title:
        'The Consumer Rights (Payment Surcharges) Regulations 2012 (SI 2012/3110), reg. 6A as inserted by SI 2017/752: no surcharge for consumer payments by card or other payment services within the Payment Services Regulations 2017',
      url: 'https://www.legislation.gov.uk/uksi/2012/3110',
      section: 'reg. 6A',
      status: 'knowledge',
    },
  },
];

const IOF_SOURCE = {
  title:
    'Decreto nº 6.306/2007 (Regulamento do IOF), art. 15-B, as amended by Decreto nº 10.997/2022 (phase-down) and Decreto nº 12.466/2025 (3.5 % from 23 May 2025)',
  url: 'https://www.planalto.gov.br/ccivil_03/_ato2007-2010/2007/decreto/d6306.htm',
  section: 'art. 15-B',
} as const;

export const CARD_FX_TAXES: readonly CardFxTax[] = [
  {
    id: 'BR-IOF-card-abroad',
    validFrom: '2023-01-02',
    validTo: '2023-12-31',
    buyerCountry: 'BR',
    method: 'CARD',
    rateBp: 538,
    source: { ...IOF_SOURCE, status: 'knowledge' },
  },
  {
    id: 'BR-IOF-card-abroad',
    validFrom: '2024-01-02',
    validTo: '2024-12-31',
    buyerCountry: 'BR',
    method: 'CARD',
    rateBp: 438,
    source: { ...IOF_SOURCE, status: 'knowledge' },
  },
  {
    id: 'BR-IOF-card-abroad',
    validFrom: '2025-01-02',
    validTo: '2025-05-22',
    buyerCountry: 'BR',
    method: 'CARD',
    rateBp: 338,
    source: { ...IOF_SOURCE, status: 'knowledge' },
  },
  {
    id: 'BR-IOF-card-abroad',
    validFrom: '2025-05-23',
    buyerCountry: 'BR',
    method: 'CARD',
    rateBp: 350,
    source: {
      ...IOF_SOURCE,
      status: 'knowledge',
      note: 'Congress suspended the 2025 decrees from late June 2025 until the Supreme Court restored them in mid-July 2025; that window is not modelled. Charged by the card issuer on the amount billed in reais.',
    },
  },
];

/** The rule of `rules` in force on `day` (inclusive `validTo`) that `matches`, if any. */
export function inForceOn<R extends PaymentLawRule>(rules: readonly R[], day: string, matches: (rule: R) => boolean): R | undefined {
  return rules.find((rule) => rule.validFrom <= day && (rule.validTo === undefined || day <= rule.validTo) && matches(rule));
}

export const citationOf = (rule: PaymentLawRule): string => `${rule.id}: ${rule.source.title} (${rule.source.url})`;
