// Where the configuration is kept when the add-in never saw the workbook: a hidden sheet, values
// split over cells beyond Excel's 32,767 characters per cell, read back whole.
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { CELL_TEXT_MAX, SETTINGS_SHEET } from '../../../src/hosts/xlsx/settings';
import { plainWorkbook, richWorkbook } from '../../support/xlsx-fixture';
import { excel, values } from '../../support/xlsx-files';

const ROWS = [['Customer ID', 'Sales'], ['C1', 10]];

describe('configuration in the workbook', () => {
  it('keeps a long configuration (overrides for thousands of customers) whole in the settings sheet', async () => {
    // 6,000 overrides of ~20 characters: about 120,000 characters, four cells of at most 32,000.
    const overrides = Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`CUST-${String(i).padStart(6, '0')}`, i % 2 ? 'A' : 'B']));
    const text = JSON.stringify({ version: 1, overrides: { 'Sales ABC': overrides } });
    const host = await XlsxHost.open(await plainWorkbook('Orders', ROWS), 'b.xlsx');
    expect(await host.loadConfig()).toBeUndefined();
    await host.saveConfig(text);
    const bytes = await host.toBuffer();
    const again = await XlsxHost.open(bytes, 'b.xlsx');
    expect((await again.loadConfig())?.text).toBe(text);
    const sheet = (await excel(bytes)).getWorksheet(SETTINGS_SHEET)!;
    expect(sheet.state).toBe('hidden');
    const row = values(sheet).find((r) => r[0] === 'tierwise.config')!;
    expect(row.length).toBe(1 + Math.ceil(text.length / CELL_TEXT_MAX));
    expect(row.slice(1).every((c) => String(c).length <= CELL_TEXT_MAX)).toBe(true);
  });

  it('prefers the add-in settings when the add-in saved them, and writes no settings sheet', async () => {
    const host = await XlsxHost.open(await richWorkbook([['Customer ID', 'Customer Name', 'Sales', 'Profit'], ['C1', 'A', 1, 1]], { settings: { 'tierwise.config': '{"version":1}' } }), 'b.xlsx');
    expect(host.settingsPlace).toBe('add-in settings');
    expect((await host.loadConfig())?.text).toBe('{"version":1}');
    await host.saveConfig('{"version":1,"filters":[]}');
    const again = await XlsxHost.open(await host.toBuffer(), 'b.xlsx');
    expect((await again.loadConfig())?.text).toBe('{"version":1,"filters":[]}');
    expect((await excel(await host.toBuffer())).worksheets.map((w) => w.name)).toEqual(['Orders', 'Pivot']);
  });
});
