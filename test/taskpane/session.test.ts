/**
 * @jest-environment node
 */
import { readFileSync } from 'node:fs';
import { defaultConfig } from '../../src/engine/config';
import { segment } from '../../src/engine/run';
import type { SourceTable } from '../../src/engine/types';
import { InProcessClient, sendSource } from '../../src/taskpane/worker/client';
import { csvGrid, parseCsv } from '../../src/taskpane/worker/csv';
import { EngineSession, ROW_CHUNK } from '../../src/taskpane/worker/session';
import { moveThreshold } from '../../src/taskpane/state/thresholds';
import { superstoreGrid } from '../plan/superstore';
import { SUPERSTORE_CSV } from '../support/tables';
import type { AbcType } from '../../src/engine/abc-schema';
import { EDITORS } from '../../src/taskpane/components/editors/registry';

const sessionOnSample = () => new InProcessClient(new EngineSession(async (url) => (url === 'sample.csv' ? readFileSync(SUPERSTORE_CSV, 'utf8') : Promise.reject(new Error(`unexpected ${url}`)))));

function tableOf(grid: ReturnType<typeof superstoreGrid>): SourceTable {
  return { sheet: 'Orders', header: grid[0], rows: grid.slice(1), origin: { row: 1, column: 0 } };
}

describe('the playground CSV reader', () => {
  it('reads quotes, doubled quotes, commas and line breaks inside quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi"""\r\n1,"two\nlines",\n')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['1', 'two\nlines', ''],
    ]);
  });

  it('reads the Superstore sample exactly as the test helper does (numbers, dates as serials)', () => {
    const grid = csvGrid(readFileSync(SUPERSTORE_CSV, 'utf8'));
    expect(grid).toEqual(superstoreGrid());
    // 2016-11-08 is Excel serial 42682 (days since 1899-12-30).
    expect(grid[1][2]).toBe(42682);
  });
});

describe('the engine session (what the worker runs)', () => {
  it('loads the sample, prepares once, and classifies to the same numbers as a whole run', async () => {
    const engine = sessionOnSample();
    const { grid } = await engine.ask({ type: 'loadSample', url: 'sample.csv' });
    const table = tableOf(grid);
    await sendSource(engine, table);
    expect(table.rows.length).toBeGreaterThan(ROW_CHUNK); // the rows really went in several chunks
    const config = defaultConfig();
    const { prepared } = await engine.ask({ type: 'prepare', config });
    expect(prepared).toMatchObject({ lineCount: 9994, customerCount: 793, leftOutRows: 0, usable: true });
    expect(prepared.header[prepared.mapping.customer!]).toBe('Customer ID');
    expect(prepared.header[prepared.mapping.amount!]).toBe('Sales');

    const at70 = moveThreshold(config.segmentTypes[0] as AbcType, 0, 70);
    const { preview } = await engine.ask({ type: 'classify', segmentType: at70 });
    const whole = segment(table, { ...config, segmentTypes: [at70] });
    expect(preview.rows).toEqual(whole.types[0].summary);
    expect(preview.rows.reduce((s, r) => s + r.customers, 0)).toBe(793);

    // The curve rises from (0,0) to (1,1), never down, and does not depend on the thresholds.
    const c = preview.curve!;
    expect([c.x[0], c.y[0], c.x[c.x.length - 1]]).toEqual([0, 0, 1]);
    expect(c.y[c.y.length - 1]).toBeCloseTo(1, 12);
    for (let i = 1; i < c.y.length; i++) expect(c.y[i]).toBeGreaterThanOrEqual(c.y[i - 1]);
    const again = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    expect(again.preview.curve).toBe(c); // same object: kept, not recomputed
  });

  it('hands the RFM grid to the preview, the same as a whole run computes', async () => {
    const engine = sessionOnSample();
    const { grid } = await engine.ask({ type: 'loadSample', url: 'sample.csv' });
    const table = tableOf(grid);
    await sendSource(engine, table);
    // The pane prepares with the draft configuration, RFM included (so the order column is read).
    const rfm = EDITORS.rfm.create('RFM');
    const config = { ...defaultConfig(), segmentTypes: [...defaultConfig().segmentTypes, rfm] };
    await engine.ask({ type: 'prepare', config });
    const { preview } = await engine.ask({ type: 'classify', segmentType: rfm });
    const whole = segment(table, config);
    expect(preview.rfmGrid).toEqual(whole.types[2].rfmGrid);
    // 5 x 5 and every one of the 793 customers (all bought in the window) in one cell
    expect(preview.rfmGrid!.map((r) => r.length)).toEqual([5, 5, 5, 5, 5]);
    expect(preview.rfmGrid!.flat().reduce((a, b) => a + b, 0)).toBe(793);
    const abc = await engine.ask({ type: 'classify', segmentType: config.segmentTypes[0] });
    expect(abc.preview.rfmGrid).toBeUndefined();
  });

  it('answers a request it cannot serve with an error, not a crash', async () => {
    const engine = new InProcessClient();
    await expect(engine.ask({ type: 'classify', segmentType: defaultConfig().segmentTypes[0] })).rejects.toThrow('the data is not prepared yet');
  });

  it('plans the workbook with the snapshot the pane compares the data with', async () => {
    const engine = sessionOnSample();
    const table = tableOf(superstoreGrid());
    await sendSource(engine, table);
    const config = defaultConfig();
    const { prepared } = await engine.ask({ type: 'prepare', config });
    const { planned } = await engine.ask({ type: 'plan', config, time: '2026-01-01T00:00:00.000Z', configText: '{}', segmentColumnTypes: [] });
    expect(planned.customers).toBe(793);
    expect(planned.snapshot.dataFingerprint).toBe(prepared.dataFingerprint);
    expect(planned.plan.sheets.map((s) => s.name)).toEqual(['Customer Tiers', 'Segment Summary', 'Tierwise History']);
  });
});
