import { EUROFXREF_NAMESPACE } from '#packages/fx/index.js';
import { ratesOn } from './referenceRates.js';

/**
 * The sandbox names itself as a stand-in: if its made-up rates ever reached a quote, the quote
 * must not credit them to the ECB.
 */
export const SANDBOX_SENDER = 'European Central Bank (Tradegraph sandbox)';

const header = (): string =>
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  `<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="${EUROFXREF_NAMESPACE}">\n` +
  '\t<gesmes:subject>Reference rates</gesmes:subject>\n' +
  `\t<gesmes:Sender>\n\t\t<gesmes:name>${SANDBOX_SENDER}</gesmes:name>\n\t</gesmes:Sender>\n`;

/** `eurofxref-daily.xml`: one day, one rate per line, attributes in single quotes as the ECB writes them. */
export function dailyDocument(date: string): string {
  const rates = ratesOn(date).map(([currency, rate]) => `\t\t\t<Cube currency='${currency}' rate='${rate}'/>\n`);
  return `${header()}\t<Cube>\n\t\t<Cube time='${date}'>\n${rates.join('')}\t\t</Cube>\n\t</Cube>\n</gesmes:Envelope>`;
}

/** `eurofxref-hist*.xml`: newest day first, one day per line, attributes in double quotes. */
export function historyDocument(dates: readonly string[]): string {
  const days = dates.map((date) => {
    const rates = ratesOn(date).map(([currency, rate]) => `<Cube currency="${currency}" rate="${rate}"/>`);
    return `<Cube time="${date}">${rates.join('')}</Cube>\n`;
  });
  return `${header()}<Cube>${days.join('')}</Cube>\n</gesmes:Envelope>`;
}

/** A file cut off mid-publication, as a proxy with a full buffer sends it, for the `garbage` fault. */
export const truncatedDocument = (date: string): string => dailyDocument(date).slice(0, 420);
