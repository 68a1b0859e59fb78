// After the data is in and the sheets are visible: what makes a Tierwise sheet readable. Titles and
// headers in bold, table styles, segment colours, the Manual drop-down, links, charts, the frozen
// header, column widths. Each is a decoration Excel may refuse on its own (a chart type a build does
// not draw, freeze panes on some builds: see docs/excel-host.md): a refusal costs that decoration and
// a warning, never the run. Features this Excel does not have at all are reported, never attempted.
import { errorMessage, type Issue } from '../../engine/types';
import { drawableCharts, type PlannedBlock, type PlannedChart, type PlannedSheet } from '../../plan/plan';
import { columnFits } from '../../plan/widths';
import { a1, errorCode, isTransient, type Features } from './excel';
import { BLOCK_BUDGET } from './payload';

/** A table made in the core stage, under its provisional name until the swap. */
export interface CreatedTable {
  table: Excel.Table;
  wanted: string;
  used: string;
  blockId: string;
  role: PlannedSheet['role'];
}

/**
 * One decoration: what it is called in a warning, and its calls. `queue` is idempotent (queued again
 * after a batch that Excel ran part of, it leaves the same result), except for charts, which are
 * added: a chart's `sheet` lets the part-made ones be removed before it is tried again.
 */
export interface Decoration {
  /** As the user would name what is lost: `the Pareto chart "Sales ABC: sales by segment"`. */
  what: string;
  /** `drawn` for a chart, `applied` otherwise. */
  verb: string;
  /** The sheet it is on (a warning's `where`). */
  where: string;
  /** What the user still has, or can do, without it. */
  without: string;
  bytes: number;
  queue: () => void;
  chartOn?: Excel.Worksheet;
  /** A decoration that works on what another made (a chart's bar colours): not tried when that one was refused. */
  needs?: Decoration;
}

const ACTION_BYTES = 200;

/** Excel's typed-in list: comma-separated, at most 255 characters, so no name may hold a comma. */
export function dropDownSource(list: readonly string[]): string | undefined {
  const source = list.join(',');
  return list.length > 0 && source.length <= 255 && list.every((s) => s !== '' && !s.includes(',')) ? source : undefined;
}

/** A formula comparing a cell with a text: `="A"`, quotes doubled. */
const textFormula = (text: string) => `="${text.replace(/"/g, '""')}"`;

/** Excel's Hyperlink cell style in the default Office theme. */
const LINK_COLOR = '#0563C1';

/**
 * The decorations of one visible sheet, in the order they are applied. `notes` gets a warning for
 * each one this Excel has no API for (nothing is attempted then).
 */
export function sheetDecorations(sheet: Excel.Worksheet, name: string, ps: PlannedSheet, features: Features, tables: readonly CreatedTable[], notes: Issue[]): Decoration[] {
  const out: Decoration[] = [];
  const add = (d: Omit<Decoration, 'where' | 'verb'> & { verb?: string }): Decoration => {
    const full = { verb: 'applied', where: name, ...d };
    out.push(full);
    return full;
  };
  const blocks = ps.blocks.filter((b) => b.values.length > 0 && (b.values[0]?.length ?? 0) > 0);

  const titled = blocks.filter((b) => b.title || (b.header && !b.table));
  if (titled.length > 0) {
    add({
      what: 'the bold titles and headers',
      without: 'the text is all there, in the regular font',
      bytes: ACTION_BYTES * titled.length,
      queue: () => {
        for (const b of titled) {
          const width = b.values[0].length;
          if (b.title) {
            const cell = sheet.getRange(a1(b.row, b.column, b.values.length, width));
            cell.format.font.bold = true;
            cell.format.font.size = 14;
          } else {
            sheet.getRange(a1(b.row, b.column, 1, width)).format.font.bold = true;
          }
        }
      },
    });
  }
  for (const t of tables) {
    const style = ps.blocks.find((b) => b.id === t.blockId)?.table?.style;
    if (style) add({ what: `the table style of ${t.wanted}`, without: 'the table works as ever, in plain colours', bytes: ACTION_BYTES, queue: () => void (t.table.style = style) });
  }
  for (const b of blocks) blockDecorations(sheet, ps, b, features, notes, add);
  for (const { chart, block } of drawableCharts(ps)) {
    const made: { chart?: Excel.Chart } = {};
    const drawn = add({ ...chartDecoration(sheet, block, chart, features, made), verb: 'drawn', chartOn: sheet });
    const colors = colorDecoration(chart, made);
    if (colors) add({ ...colors, needs: drawn });
  }
  if (ps.freezeRows && features.freezePanes) {
    const rows = ps.freezeRows;
    add({ what: 'the frozen header row', without: 'the header scrolls away with the rows (View > Freeze Panes keeps it)', bytes: ACTION_BYTES, queue: () => sheet.freezePanes.freezeRows(rows) });
  }
  // Each column fitted on the table that is widest in it (Excel fits a range's columns to that range's
  // cells): never on a title, the scope sentence or a message, which run over the cells to their right.
  const fits = columnFits(ps);
  if (fits.length > 0) {
    add({
      what: 'the column widths',
      without: 'the columns keep Excel’s default width (double-click a column’s border to widen it)',
      bytes: ACTION_BYTES * fits.length,
      queue: () => {
        for (const f of fits) sheet.getRange(a1(f.row, f.column, f.rows, 1)).format.autofitColumns();
      },
    });
  }
  return out;
}

function blockDecorations(sheet: Excel.Worksheet, ps: PlannedSheet, b: PlannedBlock, features: Features, notes: Issue[], add: (d: Omit<Decoration, 'where' | 'verb'> & { verb?: string }) => void): void {
  const rows = b.values.length;
  const first = b.header || b.table ? 1 : 0;
  const dataRows = rows - first;
  if (dataRows <= 0) return;
  const column = (c: number) => sheet.getRange(a1(b.row + first, b.column + c, dataRows, 1));
  const fills = (b.conditionalFills ?? []).filter((f) => f.rules.length > 0);
  if (fills.length > 0) {
    if (!features.conditionalFormats) {
      notes.push({ severity: 'warning', where: ps.name, message: 'this Excel has no conditional formatting for add-ins (ExcelApi 1.6): the segments are not coloured' });
    } else {
      const bytes = fills.reduce((n, f) => n + f.rules.reduce((m, r) => m + ACTION_BYTES + r.text.length, ACTION_BYTES), 0);
      add({
        what: 'the segment colours',
        without: 'the segment names are all there, uncoloured',
        bytes,
        queue: () => {
          for (const fill of fills) {
            const range = column(fill.column);
            // Cleared first: queued again after a part-run batch, the rules are not doubled.
            range.conditionalFormats.clearAll();
            for (const rule of fill.rules) {
              const cf = range.conditionalFormats.add('CellValue');
              cf.cellValue.format.fill.color = rule.fill;
              if (rule.font) cf.cellValue.format.font.color = rule.font;
              cf.cellValue.rule = { formula1: textFormula(rule.text), operator: 'EqualTo' };
            }
          }
        },
      });
    }
  }
  const scale = b.colorScale;
  if (scale) {
    if (!features.conditionalFormats) {
      notes.push({ severity: 'warning', where: ps.name, message: 'this Excel has no conditional formatting for add-ins (ExcelApi 1.6): the heat map is not coloured' });
    } else {
      add({
        what: 'the heat map colours',
        without: 'the counts are all there, uncoloured',
        bytes: ACTION_BYTES * 2,
        queue: () => {
          const range = sheet.getRange(a1(b.row + first, b.column + scale.firstColumn, dataRows, scale.lastColumn - scale.firstColumn + 1));
          range.conditionalFormats.clearAll();
          const cf = range.conditionalFormats.add('ColorScale');
          cf.colorScale.criteria = { minimum: { type: 'LowestValue', color: scale.low }, maximum: { type: 'HighestValue', color: scale.high } };
        },
      });
    }
  }
  linkDecoration(sheet, ps, b, features, notes, add);
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
    add({
      what: `the drop-down list of segments in ${header}`,
      without: 'type the segment name instead of picking it',
      bytes: ACTION_BYTES + source.length,
      queue: () => {
        const range = column(d.column);
        range.dataValidation.clear();
        range.dataValidation.rule = { list: { inCellDropDown: true, source } };
      },
    });
  }
}

/**
 * One request per link: Excel's add-in API sets a hyperlink cell by cell (the planner caps how many).
 * The cell keeps its value (no textToDisplay, which would rewrite it); the link's look is set with it,
 * as Excel's own Hyperlink style would (blue, underlined).
 */
function linkDecoration(sheet: Excel.Worksheet, ps: PlannedSheet, b: PlannedBlock, features: Features, notes: Issue[], add: (d: Omit<Decoration, 'where' | 'verb'>) => void): void {
  const links = b.links ?? [];
  if (links.length === 0) return;
  if (!features.hyperlinks) {
    notes.push({ severity: 'warning', where: ps.name, message: 'this Excel has no hyperlinks for add-ins (ExcelApi 1.7): the problem addresses are text; type one in the Name Box to go to the cell' });
    return;
  }
  add({
    what: 'the links from the problem addresses to their cells',
    without: 'the addresses are text: type one in the Name Box to go to the cell',
    bytes: links.reduce((n, l) => n + ACTION_BYTES + l.target.length * 2, 0),
    queue: () => {
      for (const l of links) {
        const cell = sheet.getRange(a1(b.row + l.row, b.column + l.column, 1, 1));
        cell.hyperlink = { documentReference: l.target, screenTip: `Go to ${l.target}` };
        cell.format.font.color = LINK_COLOR;
        cell.format.font.underline = 'Single';
      }
    },
  });
}

/**
 * Pareto where Excel has the chart type (ExcelApi 1.9); otherwise columns of the measure with the
 * cumulative share as a line on a secondary axis (1.7/1.8); plain columns on older Excel. A stacked
 * chart is Excel's stacked columns (1.1): a column per run, a series per segment.
 */
function chartDecoration(sheet: Excel.Worksheet, b: PlannedBlock, c: PlannedChart, features: Features, made: { chart?: Excel.Chart }): Omit<Decoration, 'where' | 'verb'> {
  const rows = b.values.length;
  const pareto = c.kind === 'pareto' && features.pareto;
  const combo = c.kind === 'pareto' && !pareto && features.comboChart && c.cumulativeColumn !== undefined;
  const [left, last] = c.kind === 'stacked' ? [c.categoryColumn, b.values[0].length - 1] : [Math.min(c.categoryColumn, c.valueColumn), combo ? c.cumulativeColumn! : c.valueColumn];
  const data = a1(b.row, b.column + left, rows, last - left + 1);
  return {
    what: `the ${pareto ? 'Pareto chart' : 'chart'} "${c.title}"`,
    without: 'its figures are in the table beside it',
    bytes: ACTION_BYTES * 3 + c.title.length,
    queue: () => {
      const chart = sheet.charts.add(pareto ? 'Pareto' : c.kind === 'stacked' ? 'ColumnStacked' : 'ColumnClustered', sheet.getRange(data), 'Columns');
      made.chart = chart;
      chart.title.text = c.title;
      chart.setPosition(a1(c.row, c.column, 1, 1), a1(c.row + c.height - 1, c.column + c.width - 1, 1, 1));
      if (combo) {
        const line = chart.series.getItemAt(1);
        line.chartType = 'Line';
        if (features.secondaryAxis) line.axisGroup = 'Secondary';
      }
    },
  };
}

/**
 * The segment colours of a chart, as a decoration of its own: Excel has refused point formats on some
 * builds and chart types (docs/excel-host.md), and a refusal should cost the colours, never the chart.
 */
function colorDecoration(c: PlannedChart, made: { chart?: Excel.Chart }): Omit<Decoration, 'where' | 'verb'> | undefined {
  const what = `the segment colours of the chart "${c.title}"`;
  switch (c.kind) {
    case 'pareto':
    case 'column': {
      const colors = c.pointColors ?? [];
      if (colors.length === 0) return undefined;
      return {
        what,
        without: 'its bars keep Excel’s one colour; the table beside it shows each segment’s colour',
        bytes: ACTION_BYTES * colors.length,
        queue: () => {
          const points = made.chart!.series.getItemAt(0).points;
          colors.forEach((color, i) => points.getItemAt(i).format.fill.setSolidColor(color));
        },
      };
    }
    case 'stacked': {
      const colors = c.seriesColors;
      if (colors.length === 0) return undefined;
      return {
        what,
        without: 'its segments keep Excel’s own colours; the legend names each one',
        bytes: ACTION_BYTES * colors.length,
        queue: () => colors.forEach((color, i) => made.chart!.series.getItemAt(i).format.fill.setSolidColor(color)),
      };
    }
  }
}

const capitalFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The warning for a decoration Excel refused: what is lost, Excel's reason, what the user still has. */
export function refusedWarning(d: Decoration, e: unknown): Issue {
  return { severity: 'warning', where: d.where, message: `${capitalFirst(d.what)} could not be ${d.verb} in this version of Excel (${errorMessage(e)}): ${d.without}.` };
}

/**
 * Applies the decorations: as many as fit a block go in one sync; a sync that Excel refuses is taken
 * apart and each of its decorations tried in a sync of its own, so one refused call costs only its
 * own decoration. Never throws: returns the warnings. `syncs` counts what it cost.
 */
export async function applyDecorations(ctx: Excel.RequestContext, decorations: readonly Decoration[], syncs: { count: number }): Promise<Issue[]> {
  const warnings: Issue[] = [];
  /** Charts known drawn, per sheet: a part-made one (added, then its title refused) is removed. */
  const drawn = new Map<Excel.Worksheet, number>();
  const drew = (d: Decoration) => d.chartOn && drawn.set(d.chartOn, (drawn.get(d.chartOn) ?? 0) + 1);
  const refused = new Set<Decoration>();
  const sync = async () => {
    syncs.count++;
    await ctx.sync();
  };
  let i = 0;
  while (i < decorations.length) {
    const batch: Decoration[] = [];
    let bytes = 0;
    while (i < decorations.length && (batch.length === 0 || bytes + decorations[i].bytes <= BLOCK_BUDGET)) {
      const d = decorations[i++];
      // What it would work on was refused (and its warning says so): nothing to try.
      if (d.needs && refused.has(d.needs)) continue;
      bytes += d.bytes;
      batch.push(d);
    }
    if (batch.length === 0) continue;
    try {
      for (const d of batch) d.queue();
      await sync();
      batch.forEach(drew);
      continue;
    } catch (e) {
      if (isTransient(e)) return [...warnings, stopped(e)];
    }
    // One at a time: what Excel ran of the refused batch stays, and each decoration is idempotent.
    for (const sheet of new Set(batch.map((d) => d.chartOn).filter((s): s is Excel.Worksheet => s !== undefined))) await removeChartsAfter(ctx, sheet, drawn.get(sheet) ?? 0, sync);
    for (const d of batch) {
      if (d.needs && refused.has(d.needs)) continue;
      try {
        d.queue();
        await sync();
        drew(d);
      } catch (e) {
        if (isTransient(e)) return [...warnings, stopped(e)];
        refused.add(d);
        warnings.push(refusedWarning(d, e));
        if (d.chartOn) await removeChartsAfter(ctx, d.chartOn, drawn.get(d.chartOn) ?? 0, sync);
      }
    }
  }
  return warnings;
}

/** Excel stopped answering (throttled, the session gone): the data is in; the rest of the look is not. */
function stopped(e: unknown): Issue {
  return {
    severity: 'warning',
    where: 'Tierwise',
    message: `Your results are written, but Excel stopped answering before the colours, charts and widths were done (${errorCode(e) ?? errorMessage(e)}). Run Tierwise again in a minute to finish them.`,
  };
}

/** Removes a sheet's charts after the first `keep` (Tierwise's own sheet: every chart on it is one Tierwise added). */
async function removeChartsAfter(ctx: Excel.RequestContext, sheet: Excel.Worksheet, keep: number, sync: () => Promise<void>): Promise<void> {
  try {
    const charts = sheet.charts.load('items/name');
    await sync();
    const extra = charts.items.slice(keep);
    if (extra.length === 0) return;
    for (const c of extra) c.delete();
    await sync();
  } catch {
    // A part-made chart left on the sheet is only a look; the warning already says the chart is not right.
  }
}
