// Excel's "not now" (issue 16.4): the user typing in a cell, throttling, an expired session. A run
// waits or tries again after a pause, a bounded number of times, then says what to do.
//
// The sheet: C1 sells 800, C2 150, C3 50 (C4 0): with the default ABC 80/15/5, A, B, C, C.
import type { Cell } from '../../../src/engine/types';
import { OfficeHost } from '../../../src/hosts/office/host';
import { SimRichApiError } from '../../support/excel-sim';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith, valuesOf } from './helpers';

const SALES: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Sales', 'Profit'],
  ['C1', 'One', 800, 100],
  ['C2', 'Two', 150, -20],
  ['C3', 'Three', 50, 5],
  ['C4', 'Four', 0, 0],
];
const SHEET = { kind: 'sheet', name: 'Sales' } as const;

function book() {
  const x = excel();
  sheetWith(x.sim, 'Sales', SALES);
  x.host.retryDelays = [1, 1, 1];
  return x;
}

const column = (sim: ReturnType<typeof excel>['sim'], sheet: string, header: string) => {
  const values = valuesOf(sim.model.findSheet(sheet)!);
  const c = values[0].indexOf(header);
  return values.slice(1).map((r) => r[c]);
};

/** Calls `act` at the `at`-th sync of the host's apply (the reads before it untouched). */
function duringApply(sim: ReturnType<typeof excel>['sim'], host: OfficeHost, at: number, act: () => void): void {
  let applying = false;
  let n = 0;
  sim.options.inject = () => {
    if (applying && ++n === at) act();
    return undefined;
  };
  const real = host.apply.bind(host);
  host.apply = (plan, options) => {
    applying = true;
    return real(plan, options);
  };
}

describe('office host: Excel says "not now"', () => {
  it('survives the user typing in a cell mid-run: with delayForCellEdit the batch waits until they press Enter', async () => {
    const { sim } = book();
    const uninstall = sim.installGlobals();
    try {
      const host = new OfficeHost(); // the globals: Excel.run({ delayForCellEdit: true }, ...)
      host.retryDelays = [];
      duringApply(sim, host, 3, () => {
        sim.typeInCell();
        setTimeout(() => sim.leaveCell(), 20);
      });
      const { report } = await runTierwise(host, SHEET);
      expect(report.complete).toBe(true);
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(sim.stats.cellEditWaits).toBeGreaterThan(0);
      expect(sim.stats.refusedSyncs).toBe(0);
      expect(column(sim, 'Customer Tiers', 'Sales ABC')).toEqual(['A', 'B', 'C', 'C']);
      expect(column(sim, 'Sales', 'Sales ABC (Tierwise)')).toEqual(['A', 'B', 'C', 'C']);
    } finally {
      uninstall();
    }
  });

  it('where Excel still refuses a batch in cell-edit mode, the apply is run again after a pause and completes', async () => {
    const { sim, host } = book(); // sim.run without options: cell-edit mode fails the batch
    duringApply(sim, host, 4, () => {
      sim.typeInCell();
      setTimeout(() => sim.leaveCell(), 5);
    });
    host.retryDelays = [10, 10, 10];
    const { report } = await runTierwise(host, SHEET);
    expect(sim.stats.refusedSyncs).toBeGreaterThan(0);
    expect(report.complete).toBe(true);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
    expect(column(sim, 'Sales', 'Sales ABC (Tierwise)')).toEqual(['A', 'B', 'C', 'C']);
  });

  it('throttled for a while (ActivityLimitReached): tried again, completes, nothing left over', async () => {
    const { sim, host } = book();
    duringApply(sim, host, 5, () => sim.throttle(2));
    const { report } = await runTierwise(host, SHEET);
    expect(sim.stats.refusedSyncs).toBe(2);
    expect(report.complete).toBe(true);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
    expect(column(sim, 'Customer Tiers', 'Sales ABC')).toEqual(['A', 'B', 'C', 'C']);
  });

  it('throttled for good: after a bounded number of tries the report says what to do, the user\'s data is as it was, the next run repairs', async () => {
    const { sim, host } = book();
    const userBefore = JSON.stringify(valuesOf(sim.model.findSheet('Sales')!));
    duringApply(sim, host, 2, () => sim.throttle(1_000));
    const { report } = await runTierwise(host, SHEET);
    expect(report.complete).toBe(false);
    expect(sim.stats.refusedSyncs).toBe(4); // the first try and three more
    expect(report.issues).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringMatching(/after 4 tries \(ActivityLimitReached\): Excel is limiting .* wait a minute, then run Tierwise again/) }),
    ]);
    expect(JSON.stringify(valuesOf(sim.model.findSheet('Sales')!).map((r) => r.slice(0, 4)))).toBe(userBefore);
    sim.throttle(0);
    sim.options.inject = undefined;
    const repair = await runTierwise(new OfficeHost(sim.run, sim.isSetSupported), SHEET);
    expect(repair.report.complete).toBe(true);
    expect(sim.model.sheets.map((s) => s.name)).toEqual(['Sales', 'Customer Tiers', 'Segment Summary', 'Tierwise History']);
  });

  it('an expired Excel on the web session while reading: tried again, then the error says to reload the page', async () => {
    const { sim, host } = book();
    sim.options.inject = () => ({ error: new SimRichApiError('InvalidOrTimedOutSession', 'Your Office web session has expired or is invalid.'), after: 0 });
    await expect(host.readSource(SHEET)).rejects.toThrow(/after 4 tries \(InvalidOrTimedOutSession\): your Excel on the web session has expired: reload the page/);
    // A refusal that is no "not now" is not tried again.
    let calls = 0;
    sim.options.inject = () => {
      calls++;
      return { error: new SimRichApiError('AccessDenied', 'no'), after: 0 };
    };
    await expect(host.readSource(SHEET)).rejects.toThrow('no');
    expect(calls).toBe(1);
  });
});
