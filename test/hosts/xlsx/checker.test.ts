// The structural checker (test/support/xlsx-check.ts) passes what the tools write and names each
// rule a broken package breaks: one hand-made breakage per rule, on an ExcelJS workbook with a table.
import JSZip from 'jszip';
import { checkWorkbook } from '../../support/xlsx-check';
import { editPart, plainWorkbook, richWorkbook } from '../../support/xlsx-fixture';

const ROWS = [['Customer ID', 'Customer Name', 'Sales', 'Profit'], ['C1', 'a', 800, 1], ['C2', 'b', 150, 2], ['C3', 'c', 50, 3]];
const SHEET = 'xl/worksheets/sheet1.xml';

let table: Buffer;
beforeAll(async () => {
  table = await plainWorkbook('Orders', ROWS, { table: 'Sales' });
});

const broken = async (path: string, change: (xml: string) => string) => checkWorkbook(await editPart(table, path, change));

describe('the xlsx checker', () => {
  it('passes an ExcelJS workbook and the rich fixture', async () => {
    expect(await checkWorkbook(table)).toEqual([]);
    expect(await checkWorkbook(await richWorkbook(ROWS, { settings: { 'tierwise.config': '{}' } }))).toEqual([]);
  });

  it('finds the fixture as it was: <drawing> before <pageSetup>', async () => {
    const rich = await richWorkbook(ROWS);
    const old = await editPart(rich, SHEET, (xml) => xml.replace('<drawing r:id="rIdChart"/>', '').replace(/(<pageMargins[^>]*\/>)/, '$1<drawing r:id="rIdChart"/>'));
    expect(await checkWorkbook(old)).toEqual([`${SHEET}: <worksheet> has <pageSetup> after <drawing>; the schema's order puts it before`]);
  });

  it.each<[string, string, (xml: string) => string, string]>([
    ['an unbound prefix', 'xl/workbook.xml', (x) => x.replace(/ xmlns:r="[^"]*"/, ''), 'xl/workbook.xml: not well-formed XML'],
    ['a part without content type', '[Content_Types].xml', (x) => x.replace(/<Override PartName="\/xl\/styles.xml"[^>]*\/>/, ''), 'xl/styles.xml is the styles of xl/workbook.xml but its content type is application/xml'],
    ['a relationship to nothing', 'xl/_rels/workbook.xml.rels', (x) => x.replace('Target="styles.xml"', 'Target="style.xml"'), 'xl/_rels/workbook.xml.rels: relationship rId'],
    ['an r:id with no relationship', SHEET, (x) => x.replace('<tablePart r:id="rId1"/>', '<tablePart r:id="rId9"/>'), `${SHEET}: <tablePart r:id="rId9"> names no relationship`],
    ['elements out of order', SHEET, (x) => x.replace(/(<dimension[^>]*\/>)(<sheetFormatPr[^>]*\/>)/, '$2$1'), `${SHEET}: <worksheet> has <dimension> after <sheetFormatPr>`],
    ['a sheet name Excel refuses', 'xl/workbook.xml', (x) => x.replace('name="Orders"', 'name="Q1: Orders"'), 'xl/workbook.xml: "Q1: Orders" is not a sheet name Excel accepts'],
    ['a reserved sheet name', 'xl/workbook.xml', (x) => x.replace('name="Orders"', 'name="History"'), 'xl/workbook.xml: "History" is not a sheet name'],
    ['a hidden active tab', 'xl/workbook.xml', (x) => x.replace('<sheets>', '<bookViews><workbookView activeTab="3"/></bookViews><sheets>'), "xl/workbook.xml: the view's activeTab is 3, no sheet"],
    ['a style index past the list', SHEET, (x) => x.replace('<c r="C2"', '<c r="C2" s="99"'), `${SHEET} (Orders): cell C2 has style 99`],
    ['a shared string past the list', SHEET, (x) => x.replace(/(<c r="A2" t="s"><v>)\d+/, '$1999'), `${SHEET} (Orders): cell A2 names shared string 999`],
    ['cells out of order', SHEET, (x) => x.replace(/(<c r="A2"[^>]*>.*?<\/c>)(<c r="B2"[^>]*>.*?<\/c>)/, '$2$1'), `${SHEET} (Orders): cell A2 is not right of the cell before it`],
    ['a table column named unlike its header', 'xl/tables/table1.xml', (x) => x.replace('name="Sales"', 'name="Sales"').replace('<tableColumn id="3" name="Sales"', '<tableColumn id="3" name="Sales_x0041_"'), 'column 3 is named "SalesA", its header cell C1 reads "Sales"'],
    ['a filter over a total row', 'xl/tables/table1.xml', (x) => x.replace(/ref="A1:D4"/g, 'ref="A1:D5"').replace('headerRowCount="1"', 'headerRowCount="1" totalsRowCount="1"'), 'the autoFilter covers A1:D5; over the header and data rows of A1:D5 it is A1:D4'],
    ['a count that does not count', 'xl/styles.xml', (x) => x.replace(/<cellXfs count="\d+"/, '<cellXfs count="40"'), 'xl/styles.xml: <cellXfs count="40"> holds'],
  ])('names %s', async (_, path, change, message) => {
    const problems = await broken(path, change);
    expect(problems.some((p) => p.includes(message))).toBe(true);
  });

  it('reads prefixes wherever they are declared, and none is needed where none is used', async () => {
    const zip = await JSZip.loadAsync(table);
    const wb = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', wb.replace(/ xmlns:r="[^"]*"/, '').replace(/<sheet /g, '<sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '));
    expect(await checkWorkbook(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual([]);
  });
});
