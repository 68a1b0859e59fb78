// `tierwise segment <file.xlsx|file.csv> ... (--out <out.xlsx> | --in-place)`: the workbook is
// read, segmented and written back with Tierwise's sheets; the file system and messages live here.
import { copyFile, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { cellAddress } from '../engine/address';
import { detectDecimal, readNumber } from '../engine/parse/number';
import type { Issue } from '../engine/types';
import { inputFileSize, readSourceFile, SourceError } from '../hosts/files/read';
import type { SourceRef } from '../hosts/host';
import { namedRange } from '../hosts/ranges';
import { XlsxHost } from '../hosts/xlsx/host';
import { csvCell, newWorkbook } from '../hosts/xlsx/new-workbook';
import { validSheetName } from '../plan/names';
import { whyCountLines } from '../plan/why';
import { EXCEL_CELL_CHARS, fitText } from '../plan/plan';
import { isWorkbookPath, printIssues, printReadWarnings, readConfigFile, report, UsageError, type Io, type Limits } from './common';
import { cpuMs, runWorkbook } from './workbook';

export interface WorkbookArgs {
  config?: string;
  sheet?: string;
  table?: string;
  out?: string;
  issues?: string;
  'in-place'?: boolean;
  'source-columns'?: string;
  /** Print how long reading, segmenting and writing took (the benchmark reads it). */
  timings?: boolean;
  /** Files holding the questionnaire answers and the visits, as with CSV output. */
  answers?: string;
  visits?: string;
}

/** The sales range named with --table or --sheet (at most one of them); undefined: the saved or first one. */
export function namedSource(values: { sheet?: string; table?: string }): SourceRef | undefined {
  if (values.sheet && values.table) throw new UsageError('give either --sheet or --table, not both');
  return namedRange(values);
}

/** `in.xlsx` -> `in.backup-20261123T160501Z.xlsx`: a new name per run, so no backup is overwritten. */
export function backupPath(path: string, now: string): string {
  const ext = extname(path);
  return join(dirname(path), `${basename(path, ext)}.backup-${now.replace(/[-:]|\.\d+/g, '')}${ext}`);
}

/** The file as a workbook: an .xlsx as it is, a CSV as a new workbook with one sheet named after the file. */
export async function workbookBytes(path: string, limits: Limits): Promise<{ bytes: Uint8Array; label: string; notes: Issue[] }> {
  const size = await inputFileSize(path);
  if (size > limits.maxFileBytes) {
    throw new SourceError(
      `${path} is ${(size / 2 ** 20).toFixed(1)} MB; Tierwise reads workbooks up to ${(limits.maxFileBytes / 2 ** 20).toFixed(0)} MB in memory. Split the file, or filter it to the period you need.`,
    );
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return { ...(await csvAsWorkbook(path)), label: basename(path) };
  return { bytes: await readFile(path), label: basename(path), notes: [] };
}

/**
 * A CSV as a new workbook, as Excel in the file's locale would open it (numbers made with the decimal
 * separator the file proves, csvCell), and what did not fit: a text longer than an Excel cell holds is
 * cut to it, as the workbook would otherwise be one that Excel calls damaged (the CSV is not changed).
 */
export async function csvAsWorkbook(path: string): Promise<{ bytes: Buffer; notes: Issue[] }> {
  const table = await readSourceFile(path);
  // The sheet Excel would make of the file, but with a name Excel accepts: `Q1: sales.csv` has a colon.
  const sheet = validSheetName(table.sheet, 'Sales');
  // The file's decimal separator, as decimal 'auto' finds it (docs/rules.md), before any text becomes a
  // number: in a file with decimal commas, 1.234 is a thousand, and made the number 1.234 here it could
  // not be read again.
  const withSeparator: string[] = [];
  for (const row of table.rows) for (const v of row) if (typeof v === 'string' && (v.includes(',') || v.includes('.'))) withSeparator.push(v);
  const { decimal, evidence } = detectDecimal(withSeparator);
  const other = decimal === ',' ? '.' : ',';
  // A file that mixes both: the cells written the other way stay text, and the user hears of them once.
  let mixed: { where: string; value: string; count: number } | undefined;
  const dates: boolean[][] = [];
  const notes: Issue[] = [];
  const rows = [table.header, ...table.rows].map((row, r) =>
    row.map((v, c) => {
      if (typeof v !== 'string') return v;
      const cell = r === 0 ? { value: v, date: false } : csvCell(v, decimal);
      if (cell.date) (dates[r] ??= [])[c] = true;
      if (evidence === 'conflict' && r > 0 && Number.isNaN(readNumber(v, decimal ?? '.')) && !Number.isNaN(readNumber(v, other))) {
        mixed ??= { where: cellAddress(sheet, c, r + 1), value: v, count: 0 };
        mixed.count++;
      }
      if (typeof cell.value !== 'string' || fitText(cell.value) === cell.value) return cell.value;
      notes.push({
        severity: 'warning',
        where: cellAddress(sheet, c, r + 1),
        message: `holds ${cell.value.length.toLocaleString('en-US')} characters, more than an Excel cell holds (${EXCEL_CELL_CHARS.toLocaleString('en-US')}): the workbook keeps the first ${(EXCEL_CELL_CHARS - 1).toLocaleString('en-US')} and an ellipsis; ${basename(path)} is not changed`,
      });
      return fitText(cell.value);
    }),
  );
  if (mixed) {
    const n = mixed.count;
    notes.push({
      severity: 'warning',
      where: mixed.where,
      value: mixed.value,
      message: `the numbers of ${basename(path)} mix decimal separators; the workbook gets them with a decimal ${decimal === ',' ? 'comma' : 'point'}, which more of them use, and ${n === 1 ? 'this cell, written' : `${n.toLocaleString('en-US')} cells (the first is this one), written`} with a decimal ${other === ',' ? 'comma' : 'point'}, ${n === 1 ? 'stays' : 'stay'} text: check ${n === 1 ? 'it' : 'them'}`,
    });
  }
  return { bytes: await newWorkbook(sheet, rows, (r, c) => dates[r]?.[c] === true), notes };
}

export async function segmentWorkbookCommand(input: string, values: WorkbookArgs, io: Io, limits: Limits): Promise<number> {
  const inPlace = values['in-place'] === true;
  if (inPlace && values.out) throw new UsageError('give either --out <file.xlsx> or --in-place, not both');
  if (inPlace && !isWorkbookPath(input)) throw new UsageError(`--in-place writes into an .xlsx workbook; ${input} is not one (use --out <file.xlsx>)`);
  const out = inPlace ? input : values.out!;
  const source = namedSource(values);
  // --out naming the input itself was refused before anything was read (checkOutputs, main.ts).
  // Excel opens a file only when its extension matches its kind: macros need .xlsm, no macros need .xlsx.
  const kind = (p: string) => (extname(p).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx');
  if (!inPlace && kind(out) !== (isWorkbookPath(input) ? kind(input) : '.xlsx')) {
    throw new UsageError(`--out ${out}: name the output ${isWorkbookPath(input) ? kind(input) : '.xlsx'} like the input, or Excel will refuse to open it`);
  }
  const now = limits.now ?? new Date().toISOString();
  const started = performance.now();
  const startedCpu = cpuMs();
  const { bytes, label, notes } = await workbookBytes(input, limits);
  printIssues(notes, io);
  const host = await XlsxHost.open(bytes, label);
  const opened = performance.now() - started;
  const openedCpu = cpuMs() - startedCpu;
  const config = values.config ? { text: await readConfigFile(values.config), path: values.config } : undefined;
  const wanted = values['source-columns'];
  const sourceColumns =
    wanted === undefined
      ? undefined
      : wanted === 'none'
        ? []
        : wanted === 'all'
          ? 'all'
          : wanted
              .split(',')
              .map((s) => s.trim())
              .filter((s) => s !== '');
  const sources = {
    answers: values.answers ? await readSourceFile(values.answers, { maxFileBytes: limits.maxFileBytes }) : undefined,
    visits: values.visits ? await readSourceFile(values.visits, { maxFileBytes: limits.maxFileBytes }) : undefined,
  };
  const run = await runWorkbook({ host, config, source, sourceColumns, now, sources });
  printReadWarnings(run, config?.path, io);
  if (!run.ok) {
    printIssues(run.issues, io);
    io.err(`tierwise: ${run.problem ?? `${label} cannot be segmented`}; nothing was written\n`);
    return 2;
  }
  const status = await report(run.result, io, values.issues);
  printIssues(run.report.issues, io);
  if (!run.report.complete) {
    io.err(`tierwise: nothing was written\n`);
    return 2;
  }
  const { added, changed } = run.overridesFromTable;
  if (added || changed) io.err(`Manual overrides from the tiers table: ${added} new, ${changed} changed\n`);
  const packing = performance.now();
  const packingCpu = cpuMs();
  const written = await host.toBuffer();
  if (inPlace) {
    const backup = backupPath(input, now);
    await copyFile(input, backup);
    io.err(`Backup of ${input}: ${backup}\n`);
  }
  await mkdir(dirname(resolve(out)), { recursive: true });
  // Written next to the target, then renamed: an interrupted run never leaves half a workbook.
  const temp = join(dirname(resolve(out)), `.${basename(out)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, written);
    await rename(temp, out);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  for (const r of run.report.renamed) io.err(`Sheet "${r.wanted}" exists and is not Tierwise's: wrote "${r.used}" instead\n`);
  io.err(`Configuration: ${run.configFrom}; saved in the workbook's ${host.settingsPlace}\n`);
  io.err(`Wrote ${out}: ${run.report.written.join('; ')}\n`);
  for (const line of whyCountLines(run.moved)) io.err(`${line}\n`);
  if (values.timings) {
    const t = run.timings;
    const ms = (n: number) => Math.round(n);
    io.err(`Timings: read ${ms(opened + t.read)} ms, segment ${ms(t.segment)} ms, write ${ms(t.apply + performance.now() - packing)} ms\n`);
    io.err(`CPU: read ${ms(openedCpu + t.cpu.read)} ms, segment ${ms(t.cpu.segment)} ms, write ${ms(t.cpu.apply + cpuMs() - packingCpu)} ms\n`);
  }
  return status;
}
