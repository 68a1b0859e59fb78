// A table's Total Row in an .xlsx file is a sum of the lines, not a customer: the reader stops above it.
import ExcelJS from 'exceljs';
import { XlsxHost } from '../../../src/hosts/xlsx/host';

it("reads a table's header and data body, not its Total Row", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Orders').addTable({
    name: 'Sales',
    ref: 'A1',
    headerRow: true,
    totalsRow: true,
    columns: [{ name: 'Customer', totalsRowLabel: 'Total' }, { name: 'Sales', totalsRowFunction: 'sum' }],
    rows: [['C1', 800], ['C2', 150], ['C3', 50]],
  });
  const host = await XlsxHost.open(Buffer.from(await wb.xlsx.writeBuffer()), 'book.xlsx');
  const t = await host.readSource({ kind: 'table', name: 'Sales' });
  expect(t.header).toEqual(['Customer', 'Sales']);
  expect(t.rows).toEqual([['C1', 800], ['C2', 150], ['C3', 50]]);
  expect((await host.listSources())[0].label).toBe('Table Sales (3 rows)');
});
