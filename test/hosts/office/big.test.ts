// A full-height sheet (1,048,576 rows x 8 columns) read, segmented and one segment column written
// back through the simulator: no payload error, no read over 5,000,000 cells, few syncs.
import { segmentName } from '../../../src/engine/result';
import { MAX_ROWS } from '../../support/excel-sim';
import { BIG_CUSTOMERS, BIG_HEADER, bigSheet } from '../../support/big-sheet';
import { runTierwise } from '../../support/pipeline';
import { excel } from './helpers';

jest.setTimeout(60_000);

it('reads 1,048,576 rows and writes one segment column back within every Excel limit', async () => {
  const { sim, host } = excel();
  const sheet = bigSheet(sim);
  const progress: number[] = [];
  const { table, result, report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' }, { segmentColumns: ['Sales ABC'], apply: { progress: (done) => progress.push(done) } });
  expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(report.complete).toBe(true);
  expect(table.rows.length).toBe(MAX_ROWS - 1);
  expect(result.customers.ids.length).toBe(BIG_CUSTOMERS);
  // The whole column holds the engine's segment of each row's customer (checked on every row).
  const abc = result.types.find((t) => t.type.name === 'Sales ABC')!;
  const col = BIG_HEADER.length;
  expect(sheet.value(0, col)).toBe('Sales ABC (Tierwise)');
  const values = sheet.readValues({ r0: 1, c0: col, rows: MAX_ROWS - 1, cols: 1 });
  let wrong = 0;
  for (let r = 0; r < values.length; r++) {
    const customer = result.customers.byId.get(String(table.rows[r][2]))!;
    if (values[r][0] !== segmentName(abc, customer)) wrong++;
  }
  expect(wrong).toBe(0);
  // Limits and counts, as the simulator measured them.
  expect(sim.stats.largestRequestBytes).toBeLessThan(5_000_000);
  expect(sim.stats.largestResponseBytes).toBeLessThan(5_000_000);
  const blocks = host.counters.readBlocks + host.counters.previousBlocks + host.counters.writeBlocks;
  expect(host.counters.readBlocks).toBeGreaterThan(10); // it really was read in blocks
  // Issue 16: decorations in a stage of their own may add syncs; at most 15 beyond the blocks.
  expect(sim.stats.syncs).toBeLessThanOrEqual(blocks + 15);
  expect(progress[progress.length - 1]).toBeGreaterThanOrEqual(MAX_ROWS);
});
