// Parts a careless tool damaged: what only sizes a label is skipped, what the read needs is refused
// with what to do (the random damage of test/cli/xlsx-fuzz.test.ts found both).
import JSZip from 'jszip';
import { XlsxHost } from '../../../src/hosts/xlsx/host';
import { editPart, plainWorkbook } from '../../support/xlsx-fixture';

const ROWS = [['Customer ID', 'Sales'], ['C1', 10], ['C2', 5]];

it('a damaged <dimension> leaves the row count out of the label, and the sheet is read', async () => {
  const bytes = await editPart(await plainWorkbook('Orders', ROWS), 'xl/worksheets/sheet1.xml', (xml) => xml.replace(/<dimension ref="[^"]*"/, '<dimension ref="A1:Dht="'));
  const host = await XlsxHost.open(bytes, 'book.xlsx');
  expect((await host.listSources()).map((s) => s.label)).toEqual(['Sheet Orders']);
  expect((await host.readSource({ kind: 'sheet', name: 'Orders' })).rows).toEqual([['C1', 10], ['C2', 5]]);
});

it("a table whose range is damaged is refused with what to do", async () => {
  const book = await plainWorkbook('Orders', ROWS, { table: 'Sales' });
  const bytes = await editPart(book, 'xl/tables/table1.xml', (xml) => xml.replace(/ref="A1:B3"/, 'ref="A1:B"'));
  const host = await XlsxHost.open(bytes, 'book.xlsx');
  await expect(host.listSources()).rejects.toThrow('the workbook holds an unreadable cell range "A1:B": it may be damaged; open it in Excel and save it again (Excel repairs what it can), then run Tierwise on the saved file');
});

it('a sheet whose part is missing is refused with what to do', async () => {
  const zip = await JSZip.loadAsync(await plainWorkbook('Orders', ROWS));
  zip.remove('xl/worksheets/sheet1.xml');
  const host = await XlsxHost.open(await zip.generateAsync({ type: 'nodebuffer' }), 'book.xlsx');
  await expect(host.readSource({ kind: 'sheet', name: 'Orders' })).rejects.toThrow(
    'book.xlsx is damaged: sheet "Orders" has no part xl/worksheets/sheet1.xml; open it in Excel and save it again (Excel repairs what it can), then run Tierwise on the saved file',
  );
});
