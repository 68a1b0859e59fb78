// The office host on a full-height sheet through the Excel simulator: 1,048,576 rows x 8 columns
// read, segmented (the default Sales ABC and Profit band) and one segment column written back.
// Figures are the simulator's measures of what would travel to and from Excel.
import { OfficeHost } from '../src/hosts/office/host';
import { bigSheet } from '../test/support/big-sheet';
import { SimExcel } from '../test/support/excel-sim';
import { runTierwise } from '../test/support/pipeline';

export async function benchOffice(): Promise<Record<string, number | string>> {
  const sim = new SimExcel();
  bigSheet(sim);
  const host = new OfficeHost(sim.run, sim.isSetSupported);
  const started = performance.now();
  const { report, table } = await runTierwise(host, { kind: 'sheet', name: 'Orders' }, { segmentColumns: ['Sales ABC'] });
  const ms = performance.now() - started;
  const blocks = host.counters.readBlocks + host.counters.previousBlocks + host.counters.writeBlocks;
  return {
    'office: rows read': table.rows.length,
    'office: complete': String(report.complete),
    'office: syncs': sim.stats.syncs,
    'office: blocks (read + write)': blocks,
    'office: read blocks': host.counters.readBlocks,
    'office: write blocks': host.counters.writeBlocks,
    'office: syncs - blocks (goal <= 15)': sim.stats.syncs - blocks,
    'office: largest request bytes (limit 5,000,000)': sim.stats.largestRequestBytes,
    'office: largest response bytes (limit 5,000,000)': sim.stats.largestResponseBytes,
    'office: total request bytes': sim.stats.totalRequestBytes,
    'office: total response bytes': sim.stats.totalResponseBytes,
    'office: ms (simulator, in-process)': Math.round(ms),
  };
}

if (require.main === module) benchOffice().then((r) => console.table(r));
