// After the values: what makes a Tierwise sheet readable. Titles and headers, tables, conditional
// fills, the Manual drop-down, charts, frozen header, column widths; each feature only where this
// Excel supports it (the rest is reported, never attempted).
import type { Issue } from '../../engine/types';
import { freeTableName } from '../../plan/names';
import { drawableCharts, type PlannedBlock, type PlannedChart, type PlannedSheet } from '../../plan/plan';
import type { Batcher } from './batch';
import { a1, type Features } from './excel';

/** A table created under a provisional name (the old sheet still holds the wanted one until the swap). */
export interface CreatedTable {
  table: Excel.Table;
  wanted: string;
  used: string;
}

const ACTION_BYTES = 200;

/** Excel's typed-in list: comma-separated, at most 255 characters, so no name may hold a comma. */
export function dropDownSource(list: readonly string[]): string | undefined {
  const source = list.join(',');
  return list.length > 0 && source.length <= 255 && list.every((s) => s !== '' && !s.includes(',')) ? source : undefined;
}

/** A formula comparing a cell with a text: `="A"`, quotes doubled. */
const textFormula = (text: string) => `="${text.replace(/"/g, '""')}"`;

export async function decorateSheet(
  batcher: Batcher,
  sheet: Excel.Worksheet,
  ps: PlannedSheet,
  features: Features,
  tableNames: string[],
  created: CreatedTable[],
  notes: Issue[],
): Promise<void> {
  for (const b of ps.blocks) await decorateBlock(batcher, sheet, ps, b, features, tableNames, created, notes);
  for (const { chart, block } of drawableCharts(ps)) await addChart(batcher, sheet, block, chart, features);
  if (ps.freezeRows && features.freezePanes) await batcher.add(ACTION_BYTES, () => sheet.freezePanes.freezeRows(ps.freezeRows));
}

async function decorateBlock(batcher: Batcher, sheet: Excel.Worksheet, ps: PlannedSheet, b: PlannedBlock, features: Features, tableNames: string[], created: CreatedTable[], notes: Issue[]): Promise<void> {
  const rows = b.values.length;
  const width = b.values[0]?.length ?? 0;
  if (rows === 0 || width === 0) return;
  const first = b.header || b.table ? 1 : 0;
  const dataRows = rows - first;
  const column = (c: number) => sheet.getRange(a1(b.row + first, b.column + c, dataRows, 1));
  await batcher.add(ACTION_BYTES * 2, () => {
    const all = sheet.getRange(a1(b.row, b.column, rows, width));
    if (b.title) {
      all.format.font.bold = true;
      all.format.font.size = 14;
    } else if (b.header && !b.table) {
      sheet.getRange(a1(b.row, b.column, 1, width)).format.font.bold = true;
    }
    if (!b.title) all.format.autofitColumns();
  });
  if (b.table) {
    const name = freeTableName(b.table.name, tableNames);
    tableNames.push(name);
    const style = b.table.style;
    await batcher.add(ACTION_BYTES, () => {
      const table = sheet.tables.add(a1(b.row, b.column, rows, width), true);
      table.name = name;
      if (style) table.style = style;
      created.push({ table, wanted: b.table!.name, used: name });
    });
  }
  if (dataRows <= 0) return;
  for (const fill of b.conditionalFills ?? []) {
    if (!features.conditionalFormats) {
      notes.push({ severity: 'warning', where: ps.name, message: 'this Excel has no conditional formatting for add-ins (ExcelApi 1.6): the segments are not coloured' });
      break;
    }
    for (const rule of fill.rules) {
      await batcher.add(ACTION_BYTES + rule.text.length, () => {
        const cf = column(fill.column).conditionalFormats.add('CellValue');
        cf.cellValue.format.fill.color = rule.fill;
        if (rule.font) cf.cellValue.format.font.color = rule.font;
        cf.cellValue.rule = { formula1: textFormula(rule.text), operator: 'EqualTo' };
      });
    }
  }
  const scale = b.colorScale;
  if (scale) {
    if (!features.conditionalFormats) {
      notes.push({ severity: 'warning', where: ps.name, message: 'this Excel has no conditional formatting for add-ins (ExcelApi 1.6): the heat map is not coloured' });
    } else {
      await batcher.add(ACTION_BYTES, () => {
        const range = sheet.getRange(a1(b.row + first, b.column + scale.firstColumn, dataRows, scale.lastColumn - scale.firstColumn + 1));
        const cf = range.conditionalFormats.add('ColorScale');
        cf.colorScale.criteria = { minimum: { type: 'LowestValue', color: scale.low }, maximum: { type: 'HighestValue', color: scale.high } };
      });
    }
  }
  await addLinks(batcher, sheet, ps, b, features, notes);
  for (const d of b.dropDowns ?? []) {
    const source = dropDownSource(d.list);
    const header = String(b.values[0]?.[d.column] ?? '');
    if (!features.dataValidation || source === undefined) {
      notes.push({
        severity: 'warning',
        where: `${ps.name}: ${header}`,
        message: features.dataValidation
          ? 'no drop-down list: the segment names hold a comma or are longer than Excel allows in a list (255 characters); type the segment name instead'
          : 'this Excel has no data validation for add-ins (ExcelApi 1.8): type the segment name in this column instead of picking it',
      });
      continue;
    }
    await batcher.add(ACTION_BYTES + source.length, () => {
      column(d.column).dataValidation.rule = { list: { inCellDropDown: true, source } };
    });
  }
}

/**
 * One request per link: Excel's add-in API sets a hyperlink cell by cell (the planner caps how many).
 * The cell keeps its value (no textToDisplay, which would rewrite it); the link's look is set with it,
 * as Excel's own Hyperlink style would (blue, underlined).
 */
async function addLinks(batcher: Batcher, sheet: Excel.Worksheet, ps: PlannedSheet, b: PlannedBlock, features: Features, notes: Issue[]): Promise<void> {
  const links = b.links ?? [];
  if (links.length === 0) return;
  if (!features.hyperlinks) {
    notes.push({ severity: 'warning', where: ps.name, message: 'this Excel has no hyperlinks for add-ins (ExcelApi 1.7): the problem addresses are text; type one in the Name Box to go to the cell' });
    return;
  }
  for (const l of links) {
    await batcher.add(ACTION_BYTES + l.target.length * 2, () => {
      const cell = sheet.getRange(a1(b.row + l.row, b.column + l.column, 1, 1));
      cell.hyperlink = { documentReference: l.target, screenTip: `Go to ${l.target}` };
      cell.format.font.color = LINK_COLOR;
      cell.format.font.underline = 'Single';
    });
  }
}

/** Excel's Hyperlink cell style in the default Office theme. */
const LINK_COLOR = '#0563C1';

/**
 * Pareto where Excel has the chart type (ExcelApi 1.9); otherwise columns of the measure with the
 * cumulative share as a line on a secondary axis (1.7/1.8); plain columns on older Excel.
 */
async function addChart(batcher: Batcher, sheet: Excel.Worksheet, b: PlannedBlock, c: PlannedChart, features: Features): Promise<void> {
  const rows = b.values.length;
  const pareto = c.kind === 'pareto' && features.pareto;
  const combo = c.kind === 'pareto' && !pareto && features.comboChart && c.cumulativeColumn !== undefined;
  const last = combo ? c.cumulativeColumn! : c.valueColumn;
  const left = Math.min(c.categoryColumn, c.valueColumn);
  const data = a1(b.row, b.column + left, rows, last - left + 1);
  await batcher.add(ACTION_BYTES * 3 + c.title.length, () => {
    const chart = sheet.charts.add(pareto ? 'Pareto' : 'ColumnClustered', sheet.getRange(data), 'Columns');
    chart.title.text = c.title;
    chart.setPosition(a1(c.row, c.column, 1, 1), a1(c.row + c.height - 1, c.column + c.width - 1, 1, 1));
    if (combo) {
      const line = chart.series.getItemAt(1);
      line.chartType = 'Line';
      if (features.secondaryAxis) line.axisGroup = 'Secondary';
    }
  });
}
