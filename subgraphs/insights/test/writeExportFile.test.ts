import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { writeExportFile } from '../src/exports/writeExportFile.js';
import type { TradeFlowRowModel } from '../src/query/toTradeFlowRow.js';

const folder = mkdtempSync(join(tmpdir(), 'export-writer-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const cell = (overrides: Partial<TradeFlowRowModel>): TradeFlowRowModel => ({
  flowCode: 'M',
  period: '202611',
  reporter: { code: 'DE', name: 'Germany', region: 'Europe' },
  partner: { code: 'CN', name: 'China', region: 'Asia' },
  commodity: { code: '610910', level: 6, description: 'T-shirts, singlets and other vests, knitted or crocheted; of cotton' },
  mode: 'POSTAL',
  carrier: 'post-intl',
  marketplace: 'cn-jademarket',
  synthetic: true,
  suppressed: false,
  orders: 12,
  qty: 15,
  netWgt: 2.7,
  primaryValue: { usd: '1234567.89', eur: '1100000.01' },
  duties: { usd: '0.10', eur: '0.09' },
  taxes: { usd: '12.00', eur: '10.90' },
  fees: { usd: '3.05', eur: '2.77' },
  landedCostShares: null,
  transitDays: { median: 8.25, p90: 14.5 },
  onTimeRate: 0.9167,
  deMinimisShare: 0.25,
  ...overrides,
});

describe('the export writer', () => {
  it('keeps text with quotes, commas and line breaks, empty text apart from null, and money to the cent', async () => {
    const rows = [
      cell({ commodity: { code: '9503', level: 4, description: 'Toys, "puzzles", scale models,\nand the like' } }),
      cell({ carrier: '', marketplace: null, suppressed: true, orders: null, primaryValue: null, transitDays: null }),
    ];
    async function* pages() {
      yield rows;
    }
    const written = await writeExportFile({ folder, jobId: 'roundtrip', format: 'CSV', pages: pages(), onRows: async () => undefined });
    expect(written).toEqual({ path: 'roundtrip.csv', rows: 2 });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      const read = await connection.runAndReadAll(
        `SELECT cmdDesc, carrier, marketplace, suppressed, orders, CAST(primaryValueUsd AS VARCHAR) AS usd, transitMedianDays
         FROM read_csv('${join(folder, written.path)}', header = true, allow_quoted_nulls = false)`,
      );
      expect(read.getRowObjects()).toEqual([
        {
          cmdDesc: 'Toys, "puzzles", scale models,\nand the like',
          carrier: 'post-intl',
          marketplace: 'cn-jademarket',
          suppressed: false,
          orders: 12n,
          usd: '1234567.89',
          transitMedianDays: 8.25,
        },
        {
          cmdDesc: rows[1]!.commodity!.description,
          carrier: '',
          marketplace: null,
          suppressed: true,
          orders: null,
          usd: null,
          transitMedianDays: null,
        },
      ]);
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
