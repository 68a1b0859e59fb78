// Applying a WorkbookPlan to Excel. Tierwise's new sheets are written hidden under provisional
// names and swapped in at the end, so a run that fails halfway leaves both the user's data and the
// previous Tierwise sheets as they were; the provisional sheets are recorded as pending in the
// settings and deleted by the next run. Order: checks, claim, values (with number formats: the Text
// format is what keeps text text), tables, the swap: that is the core, all or nothing for the user.
// Then, on the visible sheets, the decorations (bold, colours, drop-downs, links, charts, frozen
// header, widths), each of which Excel may refuse without the run failing.
import { rangeAddress } from '../../engine/address';
import { errorMessage, type Issue } from '../../engine/types';
import type { ApplyReport, RunOptions } from '../host';
import { freeSheetName, freeTableName } from '../../plan/names';
import { ownedText, SETTINGS_OWNED, type OwnedSourceColumns, type OwnedState } from '../../plan/owned';
import { writtenSheet, type PlannedSheet, type PlannedSourceColumns, type PlanValue, type WorkbookPlan } from '../../plan/plan';
import { SETTINGS_SHEET } from '../../plan/settings-sheet';
import { protectedStructure } from '../../plan/source-check';
import { Batcher, TEXT_FORMAT, writeGrid } from './batch';
import { applyDecorations, sheetDecorations, type CreatedTable, type Decoration } from './decorate';
import { a1, isTransient, type Features } from './excel';
import type { BlockCounter } from './read';
import { adoptedSettings, queueRecords, queueRecordsWrite, queueSettingsSheet, type Records } from './records';
import { guardSource, ownedWidth } from './source-guard';

interface Job {
  ps: PlannedSheet;
  temp: Excel.Worksheet;
  tempName: string;
  oldId?: string;
  finalName?: string;
}

const rowsOf = (ps: PlannedSheet) => ps.blocks.reduce((n, b) => n + b.values.length, 0);

export async function applyPlan(ctx: Excel.RequestContext, plan: WorkbookPlan, features: Features, counter: BlockCounter, options?: RunOptions): Promise<ApplyReport> {
  const report: ApplyReport = { written: [], renamed: [], issues: [], complete: false };
  let state: Inspected;
  try {
    state = await inspect(ctx, plan, features);
  } catch (e) {
    if (isTransient(e)) throw e; // "not now": the host tries the whole apply again after a pause
    report.issues.push({ severity: 'error', where: 'Tierwise', message: `Excel stopped the run before anything was written (${errorMessage(e)}). Nothing was changed; run Tierwise again.` });
    return report;
  }
  if (state.issues.length) {
    report.issues.push(...state.issues);
    return report;
  }
  return write(ctx, plan, features, counter, state, report, options);
}

interface Inspected {
  records: Records;
  owned: OwnedState;
  before: OwnedSourceColumns | undefined;
  sheetsBefore: { name: string; id: string }[];
  tablesBefore: { name: string; sheetId: string }[];
  /** The workbook's defined names (Name Manager): a table cannot take one of them. */
  definedNames: string[];
  sheetIds: Map<string, string>;
  pendingIds: string[];
  oldIds: Set<string>;
  issues: Issue[];
}

/** One sync to see what is there, two more to check the source (when columns go beside it). Nothing is written. */
async function inspect(ctx: Excel.RequestContext, plan: WorkbookPlan, features: Features): Promise<Inspected> {
  // 1. What is there: Tierwise's records (from the settings, or the command line's settings sheet:
  //    its sheets adopted by name, see adoptOwned), the sheets and tables (their names are the user's too),
  //    and whether the workbook's structure is protected (then no sheet can be added or replaced).
  const recordsAfterSync = queueRecords(ctx, true);
  const tableList = ctx.workbook.tables.load('items/name, items/worksheet/id');
  const workbookNames = ctx.workbook.names.load('items/name');
  const protection = features.workbookProtection ? ctx.workbook.protection.load('protected') : undefined;
  await ctx.sync();
  const records = await recordsAfterSync();
  const owned: OwnedState = records.owned;
  const sheetsBefore = records.sheets.map((s) => ({ name: s.name, id: s.id }));
  // Plain copies: a later load of the same collection replaces its items.
  const tablesBefore = tableList.items.map((t) => ({ name: t.name, sheetId: t.worksheet.id }));
  const definedNames = workbookNames.items.map((n) => n.name);
  const sheetIds = new Map(sheetsBefore.map((s) => [s.id, s.name]));
  // A pending sheet recorded by name only: its run failed in the batch that created it, before Excel
  // gave the id (possibly between adding and hiding it). The name was free and Tierwise's own then.
  const pendingIds = (owned.pending ?? []).map((p) => (p.id && sheetIds.has(p.id) ? p.id : sheetsBefore.find((s) => s.name === p.name)?.id)).filter((id): id is string => id !== undefined);
  const oldIds = new Set<string>(pendingIds);
  for (const s of Object.values(owned.sheets)) if (s?.id && sheetIds.has(s.id)) oldIds.add(s.id);

  // Beside the source: as read, and only empty or Tierwise's cells. Otherwise nothing is written.
  const before = owned.sourceColumns;
  if (protection?.protected) return { records, owned, before, sheetsBefore, tablesBefore, definedNames, sheetIds, pendingIds, oldIds, issues: [protectedStructure()] };
  const issues = plan.sourceColumns ? await guardSource(ctx, plan.sourceColumns, before, sheetsBefore.map((s) => s.name), tablesBefore.map((t) => t.name)) : [];
  return { records, owned, before, sheetsBefore, tablesBefore, definedNames, sheetIds, pendingIds, oldIds, issues };
}

async function write(ctx: Excel.RequestContext, plan: WorkbookPlan, features: Features, counter: BlockCounter, state: Inspected, report: ApplyReport, options?: RunOptions): Promise<ApplyReport> {
  const { records, owned, before, sheetsBefore, tablesBefore, definedNames, sheetIds, pendingIds, oldIds } = state;
  const signal = options?.signal;
  const settings = ctx.workbook.settings;
  const sc = plan.sourceColumns;
  if (signal?.aborted) {
    report.issues.push({ severity: 'warning', where: 'Tierwise', message: 'cancelled before anything was written' });
    return report;
  }

  const batcher = new Batcher(ctx, features, signal);
  const allNames = sheetsBefore.map((s) => s.name);
  const jobs: Job[] = [];
  let prepared = false;
  let swapping = false;
  let sourceRowsDone = 0;
  const totalRows = plan.sheets.reduce((n, ps) => n + rowsOf(ps), 0) + (sc ? sc.rowCount + 1 : 0);
  let rowsDone = 0;
  const progress = (n: number) => {
    rowsDone += n;
    options?.progress?.(rowsDone, totalRows, 'write');
  };
  try {
    // 3. Claim: the configuration first (overrides merged into it survive any failure), old
    //    provisional sheets deleted, new ones added hidden, the target columns recorded as Tierwise's.
    //    A batch is not a transaction: the records go first, so whatever part of it Excel ran, the
    //    next run knows every sheet that is Tierwise's.
    // Records only on the command line's settings sheet move into the settings with the first write.
    const planned = new Map([...adoptedSettings(records), ...Object.entries(plan.settings).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])]);
    const placed = queueRecordsWrite(ctx, records, planned);
    if (placed) report.issues.push({ severity: 'warning', where: SETTINGS_SHEET, message: placed });
    const tempNames = plan.sheets.map((ps) => {
      const name = freeSheetName(`Tierwise new ${ps.role}`, allNames);
      allNames.push(name);
      return name;
    });
    owned.pending = [...pendingIds.map((id) => ({ name: sheetIds.get(id)!, id })), ...tempNames.map((name) => ({ name }))];
    if (sc) claimSourceColumns(sc, before, owned);
    settings.add(SETTINGS_OWNED, ownedText(owned));
    if (sc) clearStaleSourceColumns(ctx, sc, before);
    for (const id of pendingIds) ctx.workbook.worksheets.getItem(id).delete();
    plan.sheets.forEach((ps, i) => {
      const temp = ctx.workbook.worksheets.add(tempNames[i]);
      temp.visibility = 'Hidden';
      temp.load('id');
      const old = owned.sheets[ps.role]?.id;
      jobs.push({ ps, temp, tempName: tempNames[i], oldId: old && sheetIds.has(old) && !pendingIds.includes(old) ? old : undefined });
    });
    if (features.events) ctx.runtime.enableEvents = false;
    // Names scoped to one sheet, asked in this sync (the sheets are known now): a table cannot take
    // them either (Excel lists tables and defined names together).
    const sheetNames = sheetsBefore.filter((s) => !pendingIds.includes(s.id)).map((s) => ctx.workbook.worksheets.getItem(s.id).names.load('items/name'));
    await ctx.sync();
    prepared = true;
    const takenNames = [...definedNames, ...sheetNames.flatMap((n) => n.items.map((i) => i.name))];
    owned.pending = jobs.map((j) => ({ name: j.tempName, id: j.temp.id }));
    // Calculation stays on while the user's sheet is written: Excel does not recalculate what a
    // suspended write changed, so a formula over a segment column would show the old segments.
    if (sc) batcher.suspendCalculation = false;
    await batcher.add(256, () => settings.add(SETTINGS_OWNED, ownedText(owned)));

    // 4. Values, each chunk with its number formats (text cells Text, so they stay text).
    if (sc) {
      const grid: PlanValue[][] = new Array(sc.rowCount + 1);
      grid[0] = sc.columns.map((c) => c.header);
      for (let r = 0; r < sc.rowCount; r++) grid[r + 1] = sc.columns.map((c) => c.values[r] ?? '');
      const userSheet = ctx.workbook.worksheets.getItem(sc.sheet);
      await writeGrid(batcher, userSheet, sc.headerRow - 1, sc.column, grid, () => undefined, (done) => {
        progress(done - sourceRowsDone);
        sourceRowsDone = done;
      });
      // Tierwise's new sheets: calculation suspended again from the next sync on (a sync already under
      // way, shared with the last rows above, stays unsuspended: only slower).
      batcher.suspendCalculation = true;
    }
    for (const job of jobs) {
      for (const b of job.ps.blocks) {
        const first = b.header || b.table ? 1 : 0;
        let doneHere = 0;
        await writeGrid(batcher, job.temp, b.row, b.column, b.values, (r, c) => (r >= first ? b.numberFormats?.[c] : undefined), (done) => {
          progress(done - doneHere);
          doneHere = done;
        });
      }
    }
    await batcher.flush();

    // 5. The tables (the tiers table is where the user types overrides: data, not a look), under
    //    provisional names: the old sheets still hold the wanted ones until the swap.
    const tableNames = [...tablesBefore.map((t) => t.name), ...takenNames];
    const created: CreatedTable[] = [];
    for (const job of jobs) {
      for (const b of job.ps.blocks) {
        const width = b.values[0]?.length ?? 0;
        if (!b.table || width === 0) continue;
        const name = freeTableName(b.table.name, tableNames);
        tableNames.push(name);
        await batcher.add(200, () => {
          const table = job.temp.tables.add(a1(b.row, b.column, b.values.length, width), true);
          table.name = name;
          created.push({ table, wanted: b.table!.name, used: name, blockId: b.id, role: job.ps.role });
        });
      }
    }
    await batcher.flush();

    // 6. The swap: old sheets out, new ones in under the wanted names, then the records.
    swapping = true;
    for (const job of jobs) if (job.oldId) ctx.workbook.worksheets.getItem(job.oldId).delete();
    const oldTables = new Set(tablesBefore.filter((t) => oldIds.has(t.sheetId)).map((t) => t.name));
    const userNames = sheetsBefore.filter((s) => !oldIds.has(s.id)).map((s) => s.name);
    for (const job of jobs) {
      const name = freeSheetName(job.ps.name, userNames);
      userNames.push(name);
      job.finalName = name;
      job.temp.name = name;
      if (job.ps.visible) job.temp.visibility = 'Visible';
      if (name !== job.ps.name) report.renamed.push({ wanted: job.ps.name, used: name });
      owned.sheets[job.ps.role] = { name, id: job.temp.id };
    }
    const finalTables = tableNames.filter((t) => !oldTables.has(t) && !created.some((c) => c.used === t));
    for (const c of created) {
      const name = freeTableName(c.wanted, finalTables);
      finalTables.push(name);
      if (name !== c.used) c.table.name = name;
      c.used = name;
      if (name !== c.wanted) {
        const why = takenNames.some((n) => n.toLowerCase() === c.wanted.toLowerCase()) ? 'a defined name (Formulas > Name Manager)' : 'a table of yours';
        report.issues.push({ severity: 'warning', where: name, message: `${why} is already called ${c.wanted}, so Tierwise's table is called ${name}: formulas that name ${c.wanted} mean yours, not Tierwise's` });
      }
    }
    if (features.events) ctx.runtime.enableEvents = true;
    owned.pending = [];
    if (sc && owned.sourceColumns) owned.sourceColumns.rowCount = sc.rowCount;
    settings.add(SETTINGS_OWNED, ownedText(owned));
    await ctx.sync();
    counter.blocks += batcher.syncs;
    await updateSettingsSheet(ctx, records, new Map([...planned, [SETTINGS_OWNED, ownedText(owned)]]), report);
    if (sc) report.written.push(`${rangeAddress(sc.sheet, sc.column, sc.headerRow, sc.columns.length, sc.rowCount + 1)}: ${sc.columns.map((c) => c.header).join(', ')}`);
    for (const job of jobs) report.written.push(writtenSheet(job.finalName ?? job.ps.name, job.ps));
    report.complete = true;

    // 7. The look, on the visible sheets: each decoration Excel refuses is a warning, not a failure.
    await decorate(ctx, plan, jobs, created, features, report, signal);
    return report;
  } catch (e) {
    counter.blocks += batcher.syncs;
    const cancelled = signal?.aborted === true;
    if (prepared && !swapping) await cleanUp(ctx, jobs, owned, features);
    // "Not now" from Excel: the host runs the whole apply again after a pause; the next try deletes
    // what this one left (its sheets are recorded as pending, its columns as Tierwise's).
    if (!cancelled && isTransient(e)) throw e;
    if (sc && sourceRowsDone > 0) {
      report.written.push(`${rangeAddress(sc.sheet, sc.column, sc.headerRow, sc.columns.length, sourceRowsDone)}: ${sourceRowsDone - 1} of ${sc.rowCount} rows of ${sc.columns.map((c) => c.header).join(', ')} (Tierwise's own columns; the next run rewrites them)`);
    }
    const notWritten = [
      ...(sc && sourceRowsDone < sc.rowCount + 1 ? [`${sc.columns.map((c) => c.header).join(', ')} beside ${sc.sheet} (${Math.max(0, sc.rowCount + 1 - sourceRowsDone)} rows left)`] : []),
      ...jobs.map((j) => j.ps.name),
      ...(jobs.length === 0 ? plan.sheets.map((p) => p.name) : []),
    ];
    const reason = cancelled ? 'Cancelled' : `Excel stopped the run (${errorMessage(e)})`;
    const where = swapping ? 'while swapping in the new sheets: some may show the new results, others the previous ones' : 'your previous Tierwise sheets are unchanged';
    report.issues.push({
      severity: 'error',
      where: 'Tierwise',
      message: `${reason}. Your own data was not changed; ${where}. Not written: ${notWritten.join('; ')}. Run Tierwise again to write everything.`,
    });
    return report;
  }
}

/**
 * After the run is complete: the decorations of every visible sheet and of the segment columns, then
 * the warnings of those Excel refused, in the report and under the Segment Summary's problems (one
 * more sync). Never throws: whatever happens here, the data is written and recorded.
 */
async function decorate(ctx: Excel.RequestContext, plan: WorkbookPlan, jobs: Job[], created: CreatedTable[], features: Features, report: ApplyReport, signal?: AbortSignal): Promise<void> {
  const notes: Issue[] = [];
  const syncs = { count: 0 };
  try {
    if (signal?.aborted) {
      report.issues.push({ severity: 'warning', where: 'Tierwise', message: 'Cancelled after the results were written: the colours, charts and widths were left out. Run Tierwise again to add them.' });
      return;
    }
    const decorations: Decoration[] = [];
    // A hidden sheet (the history) gets none: nobody sees it, and Excel refuses some calls on hidden sheets.
    for (const job of jobs.filter((j) => j.ps.visible)) {
      decorations.push(...sheetDecorations(job.temp, job.finalName ?? job.ps.name, job.ps, features, created.filter((c) => c.role === job.ps.role), notes));
    }
    const sc = plan.sourceColumns;
    if (sc) {
      const userSheet = ctx.workbook.worksheets.getItem(sc.sheet);
      decorations.push({
        what: `the width of the segment columns beside ${sc.sheet}`,
        verb: 'set',
        where: sc.sheet,
        without: 'the columns keep their width',
        bytes: 200,
        queue: () => userSheet.getRange(a1(sc.headerRow - 1, sc.column, sc.rowCount + 1, sc.columns.length)).format.autofitColumns(),
      });
    }
    const refused = await applyDecorations(ctx, decorations, syncs);
    report.issues.push(...dedupe(notes), ...refused);
    const summary = jobs.find((j) => j.ps.role === 'summary');
    if (refused.length > 0 && summary) await listOnSummary(ctx, summary, refused, syncs);
  } catch (e) {
    report.issues.push({ severity: 'warning', where: 'Tierwise', message: `Your results are written, but the colours, charts and widths may be incomplete (${errorMessage(e)}). Run Tierwise again to finish them.` });
  }
}

/**
 * The warnings go under the summary's problem list (or start one), so a colleague opening the
 * workbook sees why a chart is missing. Text cells (the Text format): a message stays text.
 */
async function listOnSummary(ctx: Excel.RequestContext, job: Job, warnings: Issue[], syncs: { count: number }): Promise<void> {
  const problems = job.ps.blocks.find((b) => b.id === 'problems');
  const rows: string[][] = warnings.map((w) => [w.where, '', w.message]);
  const last = job.ps.blocks.reduce((n, b) => Math.max(n, b.row + b.values.length), 0);
  const at = problems ? problems.row + problems.values.length : last + 1;
  const grid = problems ? rows : [[`Notes on this run (${warnings.length})`, '', ''], ['Where', 'Value', 'Problem'], ...rows];
  try {
    const range = job.temp.getRange(a1(at, 0, grid.length, 3));
    range.numberFormat = grid.map((r) => r.map(() => TEXT_FORMAT));
    range.values = grid;
    syncs.count++;
    await ctx.sync();
  } catch {
    // The pane still shows the warnings; the sheet keeps its list as planned.
  }
}

/**
 * After the run is complete and recorded: the command line's settings sheet gets the same records
 * (its own sync, so a sheet Excel will not let us write costs a warning, never the run).
 */
async function updateSettingsSheet(ctx: Excel.RequestContext, records: Records, values: ReadonlyMap<string, string>, report: ApplyReport): Promise<void> {
  if (!records.settingsSheet) return;
  try {
    queueSettingsSheet(ctx, records, values);
    await ctx.sync();
  } catch (e) {
    report.issues.push({
      severity: 'warning',
      where: SETTINGS_SHEET,
      message: `the results are written, but this sheet could not be updated (${errorMessage(e)}): the command line may read older settings from it. Unprotect it and run Tierwise again.`,
    });
  }
}

/** Best effort after a failure: delete the provisional sheets now rather than at the next run. */
async function cleanUp(ctx: Excel.RequestContext, jobs: Job[], owned: OwnedState, features: Features): Promise<void> {
  try {
    for (const j of jobs) ctx.workbook.worksheets.getItem(j.temp.id).delete();
    owned.pending = [];
    ctx.workbook.settings.add(SETTINGS_OWNED, ownedText(owned));
    if (features.events) ctx.runtime.enableEvents = true;
    await ctx.sync();
  } catch {
    // The connection may be gone: the pending sheets stay recorded and the next run deletes them.
  }
}

/** Records the target columns as Tierwise's before any is written (rowCount 0: under way). */
function claimSourceColumns(sc: PlannedSourceColumns, before: OwnedSourceColumns | undefined, owned: OwnedState): void {
  owned.sourceColumns = { sheet: sc.sheet, tableName: sc.tableName, headerRow: sc.headerRow, column: sc.column, headers: sc.columns.map((c) => c.header), rowCount: 0 };
}

/** Adds the new columns to the source table, and clears what Tierwise wrote there before and no longer plans. */
function clearStaleSourceColumns(ctx: Excel.RequestContext, sc: PlannedSourceColumns, before: OwnedSourceColumns | undefined): void {
  const mine = ownedWidth(sc, before);
  const headers = sc.columns.map((c) => c.header);
  const sheet = ctx.workbook.worksheets.getItem(sc.sheet);
  if (sc.tableName) {
    const table = ctx.workbook.tables.getItem(sc.tableName);
    if (before && mine > headers.length) for (const h of before.headers.slice(headers.length)) table.columns.getItem(h).delete();
    for (let i = mine; i < headers.length; i++) table.columns.add(undefined, undefined, headers[i]);
    return;
  }
  if (!before || mine === 0) return;
  const oldRows = Math.max(before.rowCount, sc.rowCount);
  if (mine > headers.length) sheet.getRange(a1(sc.headerRow - 1, sc.column + headers.length, oldRows + 1, mine - headers.length)).clear('Contents');
  if (before.rowCount > sc.rowCount) sheet.getRange(a1(sc.headerRow + sc.rowCount, sc.column, before.rowCount - sc.rowCount, Math.min(mine, headers.length))).clear('Contents');
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.where}|${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
