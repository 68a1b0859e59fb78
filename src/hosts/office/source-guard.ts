// Before anything is written beside the user's rows: the source must be as it was read (same rows,
// same header, same first and last line) and every target cell must be empty or Tierwise's own.
// Two syncs, whatever the size of the source: only the edges and the used range are read.
import { cellAddress, rangeAddress } from '../../engine/address';
import type { Cell, Issue } from '../../engine/types';
import type { OwnedSourceColumns } from '../../plan/owned';
import type { PlannedSourceColumns } from '../../plan/plan';
import { protectedSource, sourceFingerprint } from '../../plan/source-check';
import { a1, columnsA1 } from './excel';
import { readBlocks } from './read';

/** How many of the planned columns are already Tierwise's (written by a previous run at the same place). */
export function ownedWidth(sc: PlannedSourceColumns, owned: OwnedSourceColumns | undefined): number {
  const same = owned && owned.sheet === sc.sheet && owned.headerRow === sc.headerRow && owned.column === sc.column && (owned.tableName ?? '') === (sc.tableName ?? '');
  return same ? owned.headers.length : 0;
}

const blank = (c: Cell) => c === '' || c === null || c === undefined;

/** `sheets` and `tables` are the workbook's names as just loaded (one sync fewer). */
export async function guardSource(ctx: Excel.RequestContext, sc: PlannedSourceColumns, owned: OwnedSourceColumns | undefined, sheets: readonly string[], tables: readonly string[]): Promise<Issue[]> {
  const again = 'nothing was written beside it; run Tierwise again';
  if (!sheets.some((s) => s.toLowerCase() === sc.sheet.toLowerCase())) return [{ severity: 'error', where: sc.sheet, message: `the sheet ${sc.sheet} is gone: ${again}` }];
  const tableName = sc.tableName ? tables.find((t) => t.toLowerCase() === sc.tableName!.toLowerCase()) : undefined;
  if (sc.tableName && !tableName) return [{ severity: 'error', where: sc.tableName, message: `the table ${sc.tableName} is gone: ${again}` }];
  const tableItem = tableName ? ctx.workbook.tables.getItem(tableName) : undefined;

  const sheet = ctx.workbook.worksheets.getItem(sc.sheet);
  const left = sc.sourceColumn;
  const width = sc.column - left;
  const mine = ownedWidth(sc, owned);
  // 1. How many data rows the source has now.
  // A table's data body, as the read took it (a Total Row is not a line).
  const tableBody = tableItem ? tableItem.getDataBodyRange().load('rowCount') : undefined;
  const used = tableItem ? undefined : sheet.getRange(columnsA1(left, width)).getUsedRangeOrNullObject(true).load('rowIndex, rowCount');
  const protection = sheet.protection.load('protected');
  await ctx.sync();
  if (protection.protected) return [protectedSource(sc.sheet)];
  const height = tableBody ? tableBody.rowCount : used && !used.isNullObject ? Math.max(0, used.rowIndex + used.rowCount - sc.headerRow) : 0;

  // 2. Its edges, and what the target cells hold.
  const rowAt = (r: number) => sheet.getRange(a1(r, left, 1, width)).load('values');
  const header = rowAt(sc.headerRow - 1);
  const first = height > 0 ? rowAt(sc.headerRow) : undefined;
  const last = height > 0 ? rowAt(sc.headerRow - 1 + height) : undefined;
  const targetRows = Math.max(height, sc.rowCount) + 1;
  const fresh = sc.columns.length - mine;
  const foreign = fresh > 0 ? sheet.getRange(a1(sc.headerRow - 1, sc.column + mine, targetRows, fresh)).getUsedRangeOrNullObject(true).load('rowIndex, columnIndex, rowCount, columnCount') : undefined;
  const ownHeaders = mine > 0 ? sheet.getRange(a1(sc.headerRow - 1, sc.column, 1, mine)).load('values') : undefined;
  await ctx.sync();

  const now = sourceFingerprint(header.values[0] as Cell[], height, first?.values[0] as Cell[] | undefined, last?.values[0] as Cell[] | undefined);
  if (now !== sc.sourceFingerprint) {
    return [{
      severity: 'error',
      where: rangeAddress(sc.sheet, left, sc.headerRow, width, height + 1),
      message: `the source changed since it was read (${height.toLocaleString('en-US')} rows now, ${sc.rowCount.toLocaleString('en-US')} then, or other header, first or last line): ${again}`,
    }];
  }
  const issues: Issue[] = [];
  if (foreign && !foreign.isNullObject) {
    // The used range only narrows the search (Excel may report more than the cells in use): the
    // cells themselves say whether anything is there, and which one to show the user.
    const area = { row: foreign.rowIndex, column: foreign.columnIndex, rows: foreign.rowCount, columns: foreign.columnCount };
    const cells = await readBlocks(ctx, sheet, area, { blocks: 0 });
    const r = cells.findIndex((row) => row.some((c) => !blank(c)));
    if (r >= 0) {
      const c = cells[r].findIndex((v) => !blank(v));
      issues.push({
        severity: 'error',
        where: cellAddress(sc.sheet, area.column + c, area.row + r + 1),
        value: cells[r][c],
        message: 'this cell, where Tierwise would write its segment column, holds data Tierwise did not write: nothing was changed. Move or clear that data, or choose fewer segment columns.',
      });
    }
  }
  const headers = (ownHeaders?.values[0] ?? []) as Cell[];
  headers.forEach((h, i) => {
    if (!blank(h) && h !== owned!.headers[i]) {
      issues.push({
        severity: 'error',
        where: rangeAddress(sc.sheet, sc.column + i, sc.headerRow, 1, 1),
        value: h,
        message: `Tierwise wrote the column "${owned!.headers[i]}" here, but its header now says "${String(h)}": the column looks like yours now, so nothing was changed. Clear or move it and run again.`,
      });
    }
  });
  return issues;
}
