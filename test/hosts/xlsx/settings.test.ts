// Where the configuration is kept when the add-in never saw the workbook: a hidden sheet, values
// split over cells beyond Excel's 32,767 characters per cell, read back whole.
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { CELL_TEXT_MAX, SETTINGS_SHEET } from '../../../src/hosts/xlsx/settings';
import { editPart, plainWorkbook, richWorkbook } from '../../support/xlsx-fixture';
import { excel, parts, values } from '../../support/xlsx-files';

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

  it("keeps other add-ins' settings byte for byte when it writes its own", async () => {
    const others = '<we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/>';
    const contoso = '<we:property name="contoso.layout" value="{ &quot;pinned&quot;: true, &quot;width&quot;: 350 }"/><we:property name="contoso.count" value="12"/><we:property name="contoso.on" value="false"/>';
    const input = await editPart(
      await richWorkbook([['Customer ID', 'Customer Name', 'Sales', 'Profit'], ['C1', 'A', 1, 1]], { settings: { 'tierwise.config': '{"version":1}' } }),
      'xl/webextensions/webextension1.xml',
      (xml) => xml.replace('</we:properties>', `${contoso}</we:properties>`),
    );
    const host = await XlsxHost.open(input, 'b.xlsx');
    await host.saveConfig('{"version":1,"filters":[]}');
    const xml = (await parts(await host.toBuffer())).get('xl/webextensions/webextension1.xml')!.toString();
    expect(xml).toContain(others + '<we:property name="tierwise.config" value="&quot;{\\&quot;version\\&quot;:1,\\&quot;filters\\&quot;:[]}&quot;"/>' + contoso);
  });

  it('splits a long value between characters, never inside a surrogate pair', async () => {
    // The 32,000th code unit is the first half of an emoji: the first cell stops before it.
    const id = `😀${'x'.repeat(10)}`;
    const text = JSON.stringify({ version: 1, overrides: { 'Sales ABC': { [`${'c'.repeat(CELL_TEXT_MAX - 48)}`]: 'A', [id]: 'B' } } });
    const at = text.indexOf('😀');
    expect(at).toBe(CELL_TEXT_MAX - 1);
    const host = await XlsxHost.open(await plainWorkbook('Orders', ROWS), 'b.xlsx');
    await host.saveConfig(text);
    const bytes = await host.toBuffer();
    expect((await (await XlsxHost.open(bytes, 'b.xlsx')).loadConfig())?.text).toBe(text);
    const row = values((await excel(bytes)).getWorksheet(SETTINGS_SHEET)!).find((r) => r[0] === 'tierwise.config')!;
    expect(row.slice(1).map((c) => String(c).length)).toEqual([CELL_TEXT_MAX - 1, text.length - CELL_TEXT_MAX + 1]);
  });
});
