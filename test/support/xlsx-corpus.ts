// A corpus of foreign workbooks, each written by the tool that writes such files in the wild (or
// rewritten the way that tool writes them), all holding the same sales lines, so every Tierwise
// output over them has the same expected tiers. docs/xlsx.md lists what each file stands for.
// LibreOffice's own files are made in the interop test (test/interop/), which needs soffice.
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Cell } from '../../src/engine/types';
import { editPart, openpyxlStyleWorkbook, prefixedWorkbook, richWorkbook } from './xlsx-fixture';

/**
 * Sales lines by hand: C1 500 + 300 = 800, C2 150, C3 40, C4 10; total 1000. ABC 80/15/5 on sales:
 * C1 reaches 80% (A), C2 95% (B), C3 99% and C4 100% (C).
 */
export const CORPUS_ROWS: Cell[][] = [
  ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit'],
  ['C1', 'Müller & Söhne', 46023, 500, 60],
  ['C2', '=1+1', 46024, 150, -20],
  ['C1', 'Müller & Söhne', 46025, 300, 40],
  ['C3', 'O\'Brien "Ltd"', 46026, 40, 5],
  ['C4', '😀 Café', 46027, 10, 1],
];
export const CORPUS_TIERS: [string, string][] = [
  ['C1', 'A'],
  ['C2', 'B'],
  ['C3', 'C'],
  ['C4', 'C'],
];
export const CORPUS_CONFIG = {
  version: 1,
  columns: { customer: 'Customer ID', customerName: 'Customer Name', amount: 'Sales', profit: 'Profit' },
  segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }],
};

export interface CorpusFile {
  /** File name, and what it stands for (docs/xlsx.md). */
  name: string;
  stands: string;
  bytes: Buffer;
  /** The checker's complaints about the file as its tool wrote it: the habit it stands for (none for most). */
  breaks?: string[];
}

/** Debian's python (python3-openpyxl is a Debian package; the `python3` on PATH may be another one). */
export const SYSTEM_PYTHON = '/usr/bin/python3';

/** Why openpyxl cannot run here, or undefined when it can. */
export function openpyxlMissing(): string | undefined {
  if (!existsSync(SYSTEM_PYTHON)) return `${SYSTEM_PYTHON} is missing (apt-get install python3-openpyxl)`;
  try {
    execFileSync(SYSTEM_PYTHON, ['-c', 'import openpyxl'], { stdio: 'pipe' });
    return undefined;
  } catch {
    return `${SYSTEM_PYTHON} has no openpyxl (apt-get install python3-openpyxl)`;
  }
}

/**
 * openpyxl writes the workbook as pandas `to_excel` does (it is pandas' engine): `r:` declared on each
 * `<sheet>`, inline strings, dates as styled numbers. `features` adds what finance files carry: a
 * table, a comment (a legacy VML drawing), a conditional format, a data validation, a defined name,
 * a frozen header and a second sheet.
 */
function openpyxlWorkbook(features: boolean): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-openpyxl-'));
  const out = join(dir, 'book.xlsx');
  const script = `
import json, sys, datetime
import openpyxl
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.comments import Comment
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import PatternFill, Font
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.workbook.defined_name import DefinedName
rows = json.loads(sys.argv[2])
features = sys.argv[3] == '1'
wb = openpyxl.Workbook()
ws = wb.active
ws.title = 'Orders'
for i, r in enumerate(rows):
    if i > 0:
        r[2] = datetime.date(1899, 12, 30) + datetime.timedelta(days=r[2])
    ws.append(r)
# Text is text: openpyxl would otherwise take the customer named =1+1 for a formula.
for row in ws.iter_rows():
    for c in row:
        if isinstance(c.value, str) and c.value.startswith('='):
            c.data_type = 's'
for c in ws['C'][1:]:
    c.number_format = 'yyyy-mm-dd'
ws['A1'].font = Font(bold=True)
if features:
    t = Table(displayName='OrdersTable', ref='A1:E%d' % len(rows))
    t.tableStyleInfo = TableStyleInfo(name='TableStyleMedium9', showRowStripes=True)
    ws.add_table(t)
    ws['B2'].comment = Comment('Key account', 'Finance')
    ws.conditional_formatting.add('D2:D%d' % len(rows), CellIsRule(operator='greaterThan', formula=['100'], fill=PatternFill(bgColor='FFC7CE', fill_type='solid')))
    dv = DataValidation(type='whole', operator='greaterThanOrEqual', formula1='0')
    ws.add_data_validation(dv)
    dv.add('D2:D%d' % len(rows))
    ws.freeze_panes = 'A2'
    notes = wb.create_sheet('Notes')
    notes.append(['Checked by', 'Finance'])
    dn = DefinedName('SalesColumn', attr_text='Orders!$D$2:$D$%d' % len(rows))
    try:
        wb.defined_names['SalesColumn'] = dn
    except (TypeError, AttributeError):
        wb.defined_names.append(dn)
wb.save(sys.argv[1])
`;
  execFileSync(SYSTEM_PYTHON, ['-c', script, out, JSON.stringify(CORPUS_ROWS), features ? '1' : '0'], { stdio: 'pipe' });
  return readFileSync(out);
}

/** ExcelJS's Orders sheet, as a table or plain, with what `dress` adds. */
async function exceljsWorkbook(dress: (wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet) => void, table?: { totalsRow?: boolean }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Orders');
  const [header, ...lines] = CORPUS_ROWS;
  if (table) {
    ws.addTable({
      name: 'Sales',
      ref: 'A1',
      headerRow: true,
      totalsRow: table.totalsRow,
      columns: header.map((h, i) => ({ name: String(h), ...(table.totalsRow ? (i === 0 ? { totalsRowLabel: 'Total' } : i >= 3 ? { totalsRowFunction: 'sum' as const } : {}) : {}) })),
      rows: lines.map((r) => [...r]),
    });
  } else for (const r of CORPUS_ROWS) ws.addRow([...r]);
  ws.getColumn(3).numFmt = 'yyyy-mm-dd';
  dress(wb, ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The corpus that needs no LibreOffice: ExcelJS, openpyxl (when installed), and the rewritten variants. */
export async function foreignCorpus(): Promise<{ files: CorpusFile[]; skipped: string[] }> {
  const files: CorpusFile[] = [];
  const skipped: string[] = [];
  const n = CORPUS_ROWS.length;
  const exceljsTable = await exceljsWorkbook(() => undefined, {});
  files.push({ name: 'exceljs-table.xlsx', stands: 'an export by a Node tool (ExcelJS): the sales lines as an Excel table, shared strings', bytes: exceljsTable });
  files.push({
    name: 'exceljs-features.xlsx',
    stands: 'a worked-on finance sheet: comments, conditional formats, data validation, defined names, a frozen header, a second sheet',
    bytes: await exceljsWorkbook((wb, ws) => {
      ws.getCell('B2').note = 'Key account';
      ws.getCell('D3').note = { texts: [{ text: 'Check with sales' }] };
      ws.addConditionalFormatting({ ref: `D2:D${n}`, rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['100'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } } }] });
      ws.addConditionalFormatting({ ref: `E2:E${n}`, rules: [{ type: 'colorScale', priority: 2, cfvo: [{ type: 'min' }, { type: 'max' }], color: [{ argb: 'FFF8696B' }, { argb: 'FF63BE7B' }] }] });
      for (let r = 2; r <= n; r++) ws.getCell(`E${r}`).dataValidation = { type: 'decimal', operator: 'greaterThan', formulae: [-1000], allowBlank: true };
      ws.views = [{ state: 'frozen', ySplit: 1 }];
      wb.definedNames.add(`Orders!$D$2:$D$${n}`, 'SalesColumn');
      wb.addWorksheet('Notes').addRow(['Checked by', 'Finance']);
    }),
  });
  files.push({ name: 'exceljs-total-row.xlsx', stands: 'a table with a Total Row (sums under the lines)', bytes: await exceljsWorkbook(() => undefined, { totalsRow: true }) });
  files.push({
    name: 'exceljs-hidden-active.xlsx',
    stands: 'a file saved with a hidden sheet as the active tab',
    breaks: ['xl/workbook.xml: the view\'s activeTab is 1, the hidden sheet "Old data"', 'xl/workbook.xml: the view\'s firstSheet is 1, the hidden sheet "Old data"'],
    bytes: await editPart(
      await exceljsWorkbook((wb) => {
        wb.addWorksheet('Old data').addRow(['archived']);
        wb.addWorksheet('Plan').addRow(['next year']);
      }),
      'xl/workbook.xml',
      (xml) => xml.replace(/(<sheet [^>]*name="Old data"[^>]*?) state="visible"/, '$1 state="hidden"').replace('<sheets>', '<bookViews><workbookView activeTab="1" firstSheet="1"/></bookViews><sheets>'),
    ),
  });
  files.push({
    name: 'excel-chart-pivot.xlsx',
    stands: "Excel's own parts added by hand as Excel lays them out: a column chart, a pivot table and its cache, a defined name, the add-in's saved settings",
    bytes: await richWorkbook(CORPUS_ROWS.map((r) => [r[0], r[1], r[3], r[4]]), { settings: { 'Office.AutoShowTaskpaneWithDocument': true } }),
  });
  files.push({ name: 'sdk-prefixed.xlsx', stands: 'the Open XML SDK style: every SpreadsheetML element prefixed (<x:worksheet>, <x:c>)', bytes: await prefixedWorkbook(exceljsTable) });
  files.push({ name: 'openpyxl-style-by-hand.xlsx', stands: "openpyxl's habit without openpyxl: r: declared on each <sheet> (runs where python3-openpyxl is missing)", bytes: await openpyxlStyleWorkbook(exceljsTable) });
  const missing = openpyxlMissing();
  if (missing) skipped.push(`openpyxl files: ${missing}`);
  else {
    files.push({ name: 'openpyxl.xlsx', stands: 'pandas to_excel / openpyxl: inline strings, r: declared on each <sheet>', bytes: openpyxlWorkbook(false) });
    files.push({ name: 'openpyxl-features.xlsx', stands: 'openpyxl with a table, a comment, a conditional format, a data validation, a defined name, a frozen header and a second sheet', bytes: openpyxlWorkbook(true) });
  }
  return { files, skipped };
}
