// From the command line to Excel and back (issue 6). The command line's code path (XlsxHost) runs
// on the Superstore sample; its file is opened in the Excel simulator as Excel shows it (cells,
// sheet names, visibility, tables); the office host finds the configuration on the hidden
// "Tierwise Settings" sheet, reads back the history and a manual override typed into the tiers
// table, and its run rewrites Tierwise's sheets and columns in place. Then the settings as Excel
// would save them go back into the file, and the command line finds them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runWorkbook } from '../../../src/cli/workbook';
import type { PreviousRun } from '../../../src/hosts/host';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { newWorkbook } from '../../../src/hosts/xlsx/new-workbook';
import { parseOwned, SETTINGS_CONFIG, SETTINGS_OWNED } from '../../../src/plan/owned';
import { parseSettingsSheet, SETTINGS_SHEET, settingsSheetValues } from '../../../src/plan/settings-sheet';
import { configText } from '../../../src/plan/stored-config';
import { superstoreGrid } from '../../plan/superstore';
import { runTierwise } from '../../support/pipeline';
import { ABC_80_15_5, config } from '../../support/tables';
import { plainWorkbook, withAddinSettings } from '../../support/xlsx-fixture';
import { loadXlsxIntoSim } from '../../support/xlsx-to-sim';
import { SimRichApiError } from '../../support/excel-sim';
import { excel, sheetWith, snapshotOf, valuesOf } from './helpers';

jest.setTimeout(120_000);

const CONFIG_PATH = join(__dirname, '../../../examples/superstore.config.json');
const configFileText = readFileSync(CONFIG_PATH, 'utf8');
const DATE_COLUMNS = new Set(['Order Date', 'Ship Date']);
const TYPES = ['Sales ABC', 'Profit band'];

async function superstoreFile(): Promise<Buffer> {
  const grid = superstoreGrid();
  const dates = grid[0].map((h) => DATE_COLUMNS.has(String(h)));
  return newWorkbook('Orders', grid, (r, c) => r > 0 && dates[c]);
}

/** The command line's run: `tierwise workbook superstore.xlsx --config ... --source-columns all`. */
async function commandLine(bytes: Uint8Array, now: string, withConfig: boolean) {
  const host = await XlsxHost.open(bytes, 'superstore.xlsx');
  const r = await runWorkbook({ host, config: withConfig ? { text: configFileText, path: CONFIG_PATH } : undefined, sourceColumns: 'all', now });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  expect(r.report.complete).toBe(true);
  return { run: r, host, bytes: await host.toBuffer() };
}

const settingsOf = (sim: ReturnType<typeof excel>['sim']) => sim.model.settings;

describe('a workbook written by the command line, opened in Excel', () => {
  let cli: Awaited<ReturnType<typeof commandLine>>;
  let cliPrevious: PreviousRun | undefined;
  let cliConfig: string;
  let world: ReturnType<typeof excel>;
  let overridden: { id: string; row: number; was: string };
  let manualCol: number;

  beforeAll(async () => {
    cli = await commandLine(await superstoreFile(), '2026-01-31T09:00:00.000Z', true);
    expect(cli.host.settingsPlace).toBe('settings sheet');
    cliPrevious = await (await XlsxHost.open(cli.bytes)).readPrevious();
    cliConfig = (await cli.host.loadConfig())!.text;
    world = excel();
    await loadXlsxIntoSim(cli.bytes, world.sim);
    // The user types an override into the tiers table in Excel: a C customer made A.
    const tiers = world.sim.model.findSheet('Customer Tiers')!;
    const rows = valuesOf(tiers);
    manualCol = rows[0].indexOf('Sales ABC (manual)');
    const segCol = rows[0].indexOf('Sales ABC');
    const row = rows.findIndex((r, i) => i > 0 && r[segCol] === 'C');
    overridden = { id: String(rows[row][0]), row, was: 'C' };
    tiers.writeRaw(row, manualCol, 'A');
  });

  it('is loaded as the command line wrote it: the settings sheet hidden, nothing in workbook.settings', () => {
    const names = world.sim.model.sheets.map((s) => `${s.name}:${s.visibility}`);
    expect(names).toEqual(expect.arrayContaining(['Orders:Visible', 'Customer Tiers:Visible', `${SETTINGS_SHEET}:Hidden`]));
    expect(settingsOf(world.sim).size).toBe(0);
    expect(world.sim.model.findTable('TierwiseTiers')?.sheet.name).toBe('Customer Tiers');
  });

  it('finds the configuration on the settings sheet', async () => {
    const before = world.sim.stats.syncs;
    expect((await world.host.loadConfig())?.text).toBe(cliConfig);
    expect(world.sim.stats.syncs - before).toBe(2); // the settings and sheet list, then the sheet's cells
  });

  it("does not offer Tierwise's own sheets as sources, nor the segment columns as data", async () => {
    const sources = await world.host.listSources();
    expect(sources.map((s) => s.label)).toEqual(['Sheet Orders (9,994 rows)', 'The selection']);
    const table = await world.host.readSource({ kind: 'sheet', name: 'Orders' });
    expect(table.header).toEqual(superstoreGrid()[0]);
    expect(table.rows.length).toBe(9994);
  });

  it("reads back the command line's history and the override typed into the tiers table", async () => {
    const previous = await world.host.readPrevious();
    expect(cliPrevious?.snapshots.length).toBe(1);
    expect(previous?.snapshots).toEqual(cliPrevious!.snapshots);
    expect(previous?.overrides).toEqual({ ...cliPrevious!.overrides, 'Sales ABC': { [overridden.id]: 'A' } });
  });

  describe('after a run in Excel', () => {
    let ordersHeaderBefore: unknown[];
    let report: Awaited<ReturnType<typeof runTierwise>>['report'];
    let sheetNamesBefore: string[];
    let tablesBefore: string[];
    const tables = () => world.sim.model.tables.map((t) => `${t.sheet.name}:${t.name}`).sort();

    beforeAll(async () => {
      ordersHeaderBefore = valuesOf(world.sim.model.findSheet('Orders')!)[0];
      sheetNamesBefore = world.sim.model.sheets.map((s) => s.name).sort();
      tablesBefore = tables();
      ({ report } = await runTierwise(world.host, { kind: 'sheet', name: 'Orders' }, { segmentColumns: TYPES, time: '2026-02-28T09:00:00.000Z' }));
    });

    it('rewrites Customer Tiers, Segment Summary and Tierwise History in place: no "(2)" sheet, no stray table', () => {
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(report.complete).toBe(true);
      expect(report.renamed).toEqual([]);
      expect(world.sim.model.sheets.map((s) => s.name).sort()).toEqual(sheetNamesBefore);
      expect(tablesBefore).toContain('Customer Tiers:TierwiseTiers');
      expect(tables()).toEqual(tablesBefore);
    });

    it("rewrites the command line's segment columns beside the source instead of adding more", () => {
      const header = valuesOf(world.sim.model.findSheet('Orders')!)[0];
      expect(header).toEqual(ordersHeaderBefore);
      expect(header.filter((h) => String(h).includes('(Tierwise)')).length).toBe(TYPES.length);
    });

    it('keeps the override: in the Manual column and in the configuration', () => {
      const rows = valuesOf(world.sim.model.findSheet('Customer Tiers')!);
      const row = rows.find((r) => String(r[0]) === overridden.id)!;
      expect(row[manualCol]).toBe('A');
      expect(row[rows[0].indexOf('Sales ABC')]).toBe('A');
      const config = JSON.parse(String(settingsOf(world.sim).get(SETTINGS_CONFIG)));
      expect(config.overrides['Sales ABC']).toEqual({ [overridden.id]: 'A' });
    });

    it('adds a history snapshot after the command line one', async () => {
      const previous = await world.host.readPrevious();
      expect(previous?.snapshots.length).toBe(2);
      // Only the newest run keeps its facts (why a customer moved): the command line's run is the older one now.
      expect(previous?.snapshots[0]).toEqual({ ...cliPrevious!.snapshots[0], facts: undefined });
      expect(previous?.snapshots[1].facts?.['Sales ABC'].measure.size).toBeGreaterThan(0);
      expect(previous?.snapshots[1].time).not.toBe(cliPrevious!.snapshots[0].time);
    });

    it('keeps its records in workbook.settings with Excel ids, and the settings sheet in step', () => {
      const owned = parseOwned(settingsOf(world.sim).get(SETTINGS_OWNED));
      for (const [role, name] of [['tiers', 'Customer Tiers'], ['summary', 'Segment Summary'], ['history', 'Tierwise History']] as const) {
        expect(owned.sheets[role]).toEqual({ name, id: world.sim.model.findSheet(name)!.id });
      }
      expect(owned.pending).toEqual([]);
      const sheet = world.sim.model.findSheet(SETTINGS_SHEET)!;
      expect(sheet.visibility).toBe('Hidden');
      const mirrored = parseSettingsSheet(valuesOf(sheet))!;
      expect(mirrored.get(SETTINGS_OWNED)).toBe(settingsOf(world.sim).get(SETTINGS_OWNED));
      expect(mirrored.get(SETTINGS_CONFIG)).toBe(settingsOf(world.sim).get(SETTINGS_CONFIG));
      // written as text: exactly the layout the command line writes, nothing left from before
      expect(valuesOf(sheet)).toEqual(settingsSheetValues(mirrored).map((r) => [...r, ...new Array(valuesOf(sheet)[0].length - r.length).fill('')]));
    });

    it('once the settings are saved, reading them costs no extra sync for the (hidden) settings sheet', async () => {
      const before = world.sim.stats.syncs;
      expect((await world.host.loadConfig())?.text).toBe(settingsOf(world.sim).get(SETTINGS_CONFIG));
      expect(world.sim.stats.syncs - before).toBe(1);
    });

    it('a second run in Excel reads its own records and still writes in place', async () => {
      const again = await runTierwise(world.host, { kind: 'sheet', name: 'Orders' }, { segmentColumns: TYPES, time: '2026-03-31T09:00:00.000Z' });
      expect(again.report.complete).toBe(true);
      expect(again.report.renamed).toEqual([]);
      expect(world.sim.model.sheets.map((s) => s.name).sort()).toEqual(sheetNamesBefore);
      expect((await world.host.readPrevious())?.snapshots.length).toBe(3);
    });

    it('back on the command line: the settings Excel saves are found, and its sheets are matched by name', async () => {
      // The simulator cannot save a file: the sheets are those the command line wrote, the add-in's
      // settings part is what Excel saves for workbook.settings.
      const saved = await withAddinSettings(cli.bytes, Object.fromEntries(settingsOf(world.sim)));
      const host = await XlsxHost.open(saved, 'superstore.xlsx');
      expect(host.settingsPlace).toBe('add-in settings');
      expect((await host.loadConfig())?.text).toBe(settingsOf(world.sim).get(SETTINGS_CONFIG));
      expect((await host.readPrevious())?.snapshots).toEqual(cliPrevious!.snapshots);
      const back = await commandLine(saved, '2026-04-30T09:00:00.000Z', false);
      expect(back.run.ok && back.run.report.renamed).toEqual([]);
      expect(back.host.settingsPlace).toBe('add-in settings');
      // The command line keeps the settings sheet in step with the add-in's part it wrote.
      const reopened = excel();
      await loadXlsxIntoSim(back.bytes, reopened.sim);
      const part = await XlsxHost.open(back.bytes);
      const mirrored = parseSettingsSheet(valuesOf(reopened.sim.model.findSheet(SETTINGS_SHEET)!))!;
      expect(mirrored.get(SETTINGS_CONFIG)).toBe((await part.loadConfig())!.text);
      expect(parseOwned(mirrored.get(SETTINGS_OWNED)).sheets.tiers?.name).toBe('Customer Tiers');
      expect((await part.readPrevious())?.snapshots.length).toBe(2);

      // And to Excel again: workbook.settings now names the sheets by the file's sheetId.
      const owned = parseOwned(reopened.sim.model.settings.get(SETTINGS_OWNED));
      expect(owned.sheets.tiers?.id).toMatch(/^sheetId:/);
      expect((await reopened.host.readPrevious())?.snapshots.length).toBe(2);
      const third = await runTierwise(reopened.host, { kind: 'sheet', name: 'Orders' }, { segmentColumns: TYPES, time: '2026-05-31T09:00:00.000Z' });
      expect(third.report.complete).toBe(true);
      expect(third.report.renamed).toEqual([]);
      expect(reopened.sim.model.sheets.map((s) => s.name).sort()).toEqual(sheetNamesBefore);
      expect((await reopened.host.readPrevious())?.snapshots.length).toBe(3);
    });
  });

  it('the pane was open but saved nothing: the command line still reads the settings sheet', async () => {
    // Excel saves the add-in's part as soon as the pane is in the document, with no Tierwise key.
    const saved = await withAddinSettings(cli.bytes, {});
    const host = await XlsxHost.open(saved, 'superstore.xlsx');
    expect(host.settingsPlace).toBe('add-in settings');
    expect((await host.loadConfig())?.text).toBe(cliConfig);
    expect((await host.readPrevious())?.snapshots).toEqual(cliPrevious!.snapshots);
    const back = await commandLine(saved, '2026-04-30T09:00:00.000Z', false);
    expect(back.run.ok && back.run.report.renamed).toEqual([]);
  });

  it('a settings sheet Excel will not let Tierwise write costs a warning, not the run', async () => {
    const { sim, host } = excel();
    await loadXlsxIntoSim(cli.bytes, sim);
    const settingsId = sim.model.findSheet(SETTINGS_SHEET)!.id;
    const refused = new SimRichApiError('InvalidOperation', 'the sheet is protected');
    sim.options.inject = (_sync, actions) => (actions.some((a) => a.path.includes(settingsId) && a.path.includes('getRange')) ? refused : undefined);
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' }, { segmentColumns: TYPES });
    expect(report.complete).toBe(true);
    expect(report.renamed).toEqual([]);
    expect(report.issues).toContainEqual(expect.objectContaining({ severity: 'warning', where: SETTINGS_SHEET }));
    // workbook.settings has the records; the sheet still holds the command line's
    expect(parseOwned(sim.model.settings.get(SETTINGS_OWNED)).sheets.tiers?.id).toBe(sim.model.findSheet('Customer Tiers')!.id);
    expect(parseSettingsSheet(valuesOf(sim.model.findSheet(SETTINGS_SHEET)!))!.get(SETTINGS_CONFIG)).toBe(cliConfig);
  });

  it('saving the configuration in Excel before any run moves the records into workbook.settings', async () => {
    const { sim, host } = excel();
    await loadXlsxIntoSim(cli.bytes, sim);
    const edited = JSON.stringify({ ...JSON.parse(cliConfig), overrides: { 'Sales ABC': { [overridden.id]: 'B' } } });
    await host.saveConfig(edited);
    expect(sim.model.settings.get(SETTINGS_CONFIG)).toBe(edited);
    // Without the owned records the command line, finding the add-in's settings, would not know its sheets.
    const owned = parseOwned(sim.model.settings.get(SETTINGS_OWNED));
    expect(owned.sheets.tiers).toEqual({ name: 'Customer Tiers', id: sim.model.findSheet('Customer Tiers')!.id });
    expect(owned.sourceColumns?.sheet).toBe('Orders');
    const mirrored = parseSettingsSheet(valuesOf(sim.model.findSheet(SETTINGS_SHEET)!))!;
    expect(mirrored.get(SETTINGS_CONFIG)).toBe(edited);
    expect(mirrored.get(SETTINGS_OWNED)).toBe(sim.model.settings.get(SETTINGS_OWNED));
  });
});

describe('what is never taken', () => {
  it('a sheet named Customer Tiers in a workbook without a settings sheet stays the user\'s', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Orders', superstoreGrid());
    sheetWith(sim, 'Customer Tiers', [['My own tiers'], ['Acme', 'gold']]);
    const before = JSON.stringify(valuesOf(sim.model.findSheet('Customer Tiers')!));
    expect(await host.loadConfig()).toBeUndefined();
    expect(await host.readPrevious()).toBeUndefined();
    expect((await host.listSources()).map((s) => s.label)).toContain('Sheet Customer Tiers (1 rows)');
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' }, { configText: configFileText });
    expect(report.complete).toBe(true);
    expect(report.renamed).toContainEqual({ wanted: 'Customer Tiers', used: 'Customer Tiers (2)' });
    expect(JSON.stringify(valuesOf(sim.model.findSheet('Customer Tiers')!))).toBe(before);
  });

  it('a sheet named Tierwise Settings that is not in Tierwise\'s layout is neither read nor written', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Orders', superstoreGrid());
    const owned = JSON.stringify({ version: 1, sheets: { tiers: { name: 'Customer Tiers', id: 'sheetId:2' } } });
    // The key and value where Tierwise would put them, but no title row: a user's sheet.
    sheetWith(sim, SETTINGS_SHEET, [['Setting', 'Value'], [SETTINGS_OWNED, owned], [SETTINGS_CONFIG, configFileText]]);
    sheetWith(sim, 'Customer Tiers', [['My own tiers']]);
    const snapshot = snapshotOf(sim);
    expect(await host.loadConfig()).toBeUndefined();
    expect(await host.readPrevious()).toBeUndefined();
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' }, { configText: configFileText });
    expect(report.renamed).toContainEqual({ wanted: 'Customer Tiers', used: 'Customer Tiers (2)' });
    const after = JSON.parse(snapshotOf(sim)) as { name: string }[];
    const kept = (JSON.parse(snapshot) as { name: string }[]).filter((s) => s.name !== 'Orders');
    expect(after.filter((s) => kept.some((k) => k.name === s.name))).toEqual(kept);
  });

  it('a settings sheet (unhidden) that names a sheet which is not there adopts nothing else', async () => {
    const { sim, host } = excel();
    sheetWith(sim, 'Orders', superstoreGrid());
    const owned = JSON.stringify({ version: 1, sheets: { tiers: { name: 'Customer Tiers', id: 'sheetId:2' } } });
    const settings = sheetWith(sim, SETTINGS_SHEET, settingsSheetValues(new Map([[SETTINGS_OWNED, owned], [SETTINGS_CONFIG, configFileText]])));
    sheetWith(sim, 'Tiers of mine', [['My own tiers']]);
    // Unhidden by the user, it is still Tierwise's, not a source.
    expect(settings.visibility).toBe('Visible');
    expect((await host.listSources()).map((s) => s.label)).toEqual(['Sheet Orders (9,994 rows)', 'Sheet Tiers of mine (0 rows)', 'The selection']);
    expect((await host.loadConfig())?.text).toBe(configFileText);
    expect(await host.readPrevious()).toBeUndefined();
    const { report } = await runTierwise(host, { kind: 'sheet', name: 'Orders' });
    expect(report.complete).toBe(true);
    expect(report.renamed).toEqual([]);
    expect(valuesOf(sim.model.findSheet('Tiers of mine')!)).toEqual([['My own tiers']]);
  });
});

describe('segment columns the command line added to a table', () => {
  it('are rewritten in place by the office host: the table keeps one column per segment type', async () => {
    // Three customers, one line each: 80, 15 and 5 of 100 in sales.
    const rows = [
      ['Customer', 'Amount'],
      ['K1', 80],
      ['K2', 15],
      ['K3', 5],
    ];
    const text = configText(config({ columns: { customer: 'Customer', amount: 'Amount' }, segmentTypes: [ABC_80_15_5] }));
    const host = await XlsxHost.open(await plainWorkbook('Sales', rows, { table: 'SalesTable' }), 'sales.xlsx');
    const r = await runWorkbook({ host, config: { text, path: 'sales.config.json' }, source: { kind: 'table', name: 'SalesTable' }, sourceColumns: ['Sales ABC'], now: '2026-01-31T09:00:00.000Z' });
    expect(r.ok && r.report.complete).toBe(true);
    const { sim, host: office } = excel();
    await loadXlsxIntoSim(await host.toBuffer(), sim);
    const sales = sim.model.findSheet('Sales')!;
    const written = valuesOf(sales);
    expect(written[0]).toEqual(['Customer', 'Amount', 'Sales ABC (Tierwise)']);
    expect(sim.model.findTable('SalesTable')!.rect.cols).toBe(3);

    const table = await office.readSource({ kind: 'table', name: 'SalesTable' });
    expect(table.header).toEqual(['Customer', 'Amount']); // Tierwise's column is not data
    const { report } = await runTierwise(office, { kind: 'table', name: 'SalesTable' }, { segmentColumns: ['Sales ABC'] });
    expect(report.complete).toBe(true);
    expect(report.renamed).toEqual([]);
    // Same lines, same configuration: the same segments, in the same single column of the table.
    expect(valuesOf(sales)).toEqual(written);
    expect(sim.model.findTable('SalesTable')!.rect.cols).toBe(3);
  });
});
