import { describe, expect, it } from 'vitest';
import { PayloadError } from '../validate/index.js';
import { parseEurofxrefDaily } from './index.js';

/** The shape of the ECB's eurofxref-daily.xml, with made-up rates and a shortened list. */
const daily = (
  cubes = `<Cube currency='USD' rate='1.1620'/>\n<Cube currency='JPY' rate='180.50'/>`,
  time = '2026-11-26',
) => `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
	<gesmes:subject>Reference rates</gesmes:subject>
	<gesmes:Sender>
		<gesmes:name>European Central Bank</gesmes:name>
	</gesmes:Sender>
	<Cube>
		<Cube time='${time}'>
${cubes}
		</Cube>
	</Cube>
</gesmes:Envelope>`;

describe('parseEurofxrefDaily', () => {
  it('reads the date, the publisher and each rate as the exact string published', () => {
    const { rates, unknownCurrencies } = parseEurofxrefDaily(daily(), 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml');
    expect(rates).toEqual({
      date: '2026-11-26',
      source: { name: 'European Central Bank', url: 'https://www.ecb.europa.eu/stats/eurofxref/eurofxref-daily.xml' },
      rates: { USD: '1.1620', JPY: '180.50' },
    });
    expect(unknownCurrencies).toEqual([]);
  });

  it('leaves out a well-formed code it does not know as ISO 4217, and says so', () => {
    const { rates, unknownCurrencies } = parseEurofxrefDaily(
      daily(`<Cube currency="USD" rate="1.1620"/><Cube currency="XYZ" rate="2.0"/>`),
      'u',
    );
    expect(Object.keys(rates.rates)).toEqual(['USD']);
    expect(unknownCurrencies).toEqual(['XYZ']);
  });

  it.each([
    ['a truncated file', daily().slice(0, 300)],
    ['another root element', daily().replaceAll('gesmes:Envelope', 'Envelope')],
    ['another vocabulary', daily().replace('2002-08-01/eurofxref', '2099-01-01/other')],
    ['another subject', daily().replace('Reference rates', 'Interest rates')],
    ['two days in a daily file', daily().replace('</Cube>\n\t</Cube>', `</Cube><Cube time='2026-11-25'/></Cube>`)],
    ['an impossible date', daily(undefined, '2026-02-30')],
    ['a currency twice', daily(`<Cube currency='USD' rate='1.1620'/><Cube currency='USD' rate='1.1630'/>`)],
    ['EUR quoted against itself', daily(`<Cube currency='EUR' rate='1'/>`)],
    ['a zero rate', daily(`<Cube currency='USD' rate='0.0000'/>`)],
    ['a negative rate', daily(`<Cube currency='USD' rate='-1.1620'/>`)],
    ['a decimal comma', daily(`<Cube currency='USD' rate='1,1620'/>`)],
    ['a rate without currency', daily(`<Cube rate='1.1620'/>`)],
    ['an extra attribute', daily(`<Cube currency='USD' rate='1.1620' note='x'/>`)],
    ['no rates at all', daily('')],
    ['a DOCTYPE', daily().replace('<gesmes:Envelope', '<!DOCTYPE x [<!ENTITY a "b">]>\n<gesmes:Envelope')],
    ['text after the document', daily() + '<more/>'],
  ])('refuses %s', (_case, text) => {
    expect(() => parseEurofxrefDaily(text, 'u')).toThrow(PayloadError);
  });
});
