// How the office host reaches Excel: `Excel.run` and requirement-set detection, injectable so tests
// run the same code against the simulator (test/support/excel-sim).
import { columnLetter } from '../../engine/address';

/** The one shape of `Excel.run` the host uses. */
export type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
/** `Office.context.requirements.isSetSupported`. */
export type Supports = (set: string, version: string) => boolean;

/**
 * `delayForCellEdit`: while the user is typing in a cell, Excel holds the batch until they leave the
 * cell instead of failing it (InvalidOperationInCellEditMode; OfficeDev/office-js#625, #3388).
 */
export const globalRun: Run = (batch) => Excel.run({ delayForCellEdit: true }, batch);
export const globalSupports: Supports = (set, version) => {
  try {
    return Office.context.requirements.isSetSupported(set, version);
  } catch {
    return false; // no Office context (an old host): assume only what the manifest requires
  }
};

/** What this Excel can do beyond the manifest's ExcelApi 1.4, detected once per host. */
export interface Features {
  /** 1.6: conditional formats, suspendApiCalculationUntilNextSync. */
  conditionalFormats: boolean;
  /** 1.7: freeze panes, chart series types (the column + line combination), hyperlinks, workbook protection. */
  freezePanes: boolean;
  comboChart: boolean;
  hyperlinks: boolean;
  workbookProtection: boolean;
  /** 1.8: data validation, secondary chart axis, runtime.enableEvents. */
  dataValidation: boolean;
  secondaryAxis: boolean;
  events: boolean;
  /** 1.9: the Pareto chart type, suspendScreenUpdatingUntilNextSync, AutoFilter (a filter hiding rows). */
  pareto: boolean;
  screenUpdating: boolean;
  autoFilter: boolean;
}

export function detectFeatures(supports: Supports): Features {
  const v = (minor: number) => supports('ExcelApi', `1.${minor}`);
  return {
    conditionalFormats: v(6),
    freezePanes: v(7),
    comboChart: v(7),
    hyperlinks: v(7),
    workbookProtection: v(7),
    dataValidation: v(8),
    secondaryAxis: v(8),
    events: v(8),
    pareto: v(9),
    screenUpdating: v(9),
    autoFilter: v(9),
  };
}

/** `A1:C10` from 0-based row/column and a size (no sheet: used with worksheet.getRange). */
export function a1(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnLetter(column)}${row + 1}`;
  return rows === 1 && columns === 1 ? first : `${first}:${columnLetter(column + columns - 1)}${row + rows}`;
}

/** `A:H`: whole columns (Excel wants both ends, even for one column). */
export const columnsA1 = (column: number, columns: number): string => `${columnLetter(column)}:${columnLetter(column + columns - 1)}`;

/** `Orders!F12` / `'Sales 2017'!F12` -> sheet and local address. */
export function splitAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

/** Excel's error code when it is a RichApi error (`RequestPayloadSizeLimitExceeded`, ...). */
export const errorCode = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'string' ? (e as { code: string }).code : undefined;

/**
 * Refusals that say "not now" rather than "not this": Excel throttling an add-in, an Excel on the web
 * session that expired, the user typing in a cell (where delayForCellEdit is not honoured), Excel
 * busy or unreachable for a moment. Worth trying again after a pause (docs/excel-host.md).
 */
export const TRANSIENT_CODES: ReadonlySet<string> = new Set(['ActivityLimitReached', 'InvalidOrTimedOutSession', 'InvalidOperationInCellEditMode', 'ServiceNotAvailable', 'RequestAborted']);

export const isTransient = (e: unknown): boolean => TRANSIENT_CODES.has(errorCode(e) ?? '');

/** What the user can do when Excel kept saying "not now", by Excel's code. */
function busyAdvice(code: string | undefined): string {
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'Excel is waiting for you to finish typing in a cell: press Enter or Esc, then run Tierwise again';
    case 'InvalidOrTimedOutSession':
      return 'your Excel on the web session has expired: reload the page, then run Tierwise again';
    case 'ActivityLimitReached':
      return 'Excel is limiting how much add-ins may do on this workbook for now: wait a minute, then run Tierwise again';
    default:
      return 'Excel is busy (saving, recalculating or reconnecting): wait a moment, then run Tierwise again';
  }
}

/** Excel said "not now" every time it was asked: the message says what happened and what to do. */
export class ExcelBusyError extends Error {
  override name = 'ExcelBusyError';
  constructor(
    readonly code: string | undefined,
    readonly tries: number,
    cause: unknown,
  ) {
    super(`Excel did not take Tierwise's request after ${tries} tries (${code ?? 'no answer'}): ${busyAdvice(code)}. Your own data is as it was.`, { cause });
  }
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs `batch` through `run`, again after a pause each time Excel refuses it with a transient code,
 * at most `delays.length` more times; then throws ExcelBusyError. Any other error is thrown as is.
 * Each try is a fresh `Excel.run`: a batch must be safe to run again from the start (reads are; an
 * apply repairs what a failed try left: docs/excel-host.md).
 */
export async function withRetries<T>(run: Run, batch: (context: Excel.RequestContext) => Promise<T>, delays: readonly number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run(batch);
    } catch (e) {
      if (!isTransient(e)) throw e;
      if (attempt >= delays.length) throw new ExcelBusyError(errorCode(e), attempt + 1, e);
      await pause(delays[attempt]);
    }
  }
}
