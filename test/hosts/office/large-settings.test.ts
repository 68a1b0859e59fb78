// 50,000 manual overrides round-trip (issue 16.8). They travel in the configuration, which would
// pass a megabyte; Microsoft documents about 2 MB for an add-in's settings. What goes into
// workbook.settings stays under SETTINGS_BUDGET; the configuration moves to the hidden settings sheet.
import type { Cell } from '../../../src/engine/types';
import { SETTINGS_CONFIG } from '../../../src/plan/owned';
import { SETTINGS_SHEET } from '../../../src/plan/settings-sheet';
import { defaultConfigText } from '../../../src/plan/stored-config';
import { SETTINGS_BUDGET } from '../../../src/hosts/office/records';
import { runTierwise } from '../../support/pipeline';
import { excel, sheetWith, valuesOf } from './helpers';

jest.setTimeout(120_000);

const N = 50_000;
const id = (i: number) => `CUST-${String(i).padStart(6, '0')}`;

function book() {
  const rows: Cell[][] = [['Customer ID', 'Customer Name', 'Sales', 'Profit']];
  for (let i = 0; i < N; i++) rows.push([id(i), `Customer number ${i}`, 1000 - (i % 997), 10]);
  const x = excel();
  sheetWith(x.sim, 'Sales', rows);
  return x;
}

const settingsSize = (settings: Map<string, unknown>) => [...settings].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0);

describe('office host: a configuration with 50,000 manual overrides', () => {
  it('is kept on the hidden settings sheet, workbook.settings stays small, and every override comes back and is applied', async () => {
    const { sim, host } = book();
    const config = JSON.parse(defaultConfigText());
    // Every customer made C by hand (by the rules the top ones are A).
    config.overrides = { 'Sales ABC': Object.fromEntries(Array.from({ length: N }, (_, i) => [id(i), 'C'])) };
    const text = JSON.stringify(config);
    expect(text.length).toBeGreaterThan(SETTINGS_BUDGET);
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Sales' }, { configText: text });
    expect(report.complete).toBe(true);

    expect(settingsSize(sim.model.settings)).toBeLessThan(SETTINGS_BUDGET);
    expect(sim.model.settings.has(SETTINGS_CONFIG)).toBe(false);
    expect(sim.model.findSheet(SETTINGS_SHEET)?.visibility).toBe('Hidden');

    // Back: the configuration as saved, all 50,000 overrides in it.
    const stored = await host.loadConfig();
    expect(Object.keys(JSON.parse(stored!.text).overrides['Sales ABC']).length).toBe(N);
    // Applied: every customer's final segment is C, in the tiers table.
    const tiers = valuesOf(sim.model.findSheet('Customer Tiers')!);
    const c = tiers[0].indexOf('Sales ABC');
    expect(tiers.slice(1).filter((r) => r[c] !== 'C')).toEqual([]);

    // A second run, from what the workbook holds, keeps them; a small configuration saved later goes
    // back into the settings, and the sheet keeps the same text for the command line.
    const again = await runTierwise(host, { kind: 'sheet', name: 'Sales' }, { time: '2026-02-01T00:00:00Z' });
    expect(again.report.complete).toBe(true);
    expect(Object.keys(JSON.parse((await host.loadConfig())!.text).overrides['Sales ABC']).length).toBe(N);
    expect(settingsSize(sim.model.settings)).toBeLessThan(SETTINGS_BUDGET);
    await host.saveConfig(defaultConfigText());
    expect(sim.model.settings.get(SETTINGS_CONFIG)).toBe(defaultConfigText());
    expect((await host.loadConfig())!.text).toBe(defaultConfigText());
  });
});
