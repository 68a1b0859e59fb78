// The hidden 'Tierwise History' sheet: one column per run and segment type, one row per customer,
// so a million customers still fit (rows) and dozens of runs too (columns). Workbook settings are
// too small for this (1-2 MB in practice), which is why it is a sheet.
import type { Snapshot } from '../engine/history';
import type { Cell } from '../engine/types';
import type { PlanValue } from './plan';

export const HISTORY_TITLE = 'Tierwise history: one column per run and segment type. Tierwise reads this sheet before each run; please do not edit it.';
const LABELS = ['Time', 'Configuration hash', 'Data fingerprint', 'Customer'] as const;
/** A customer present in a run without a segment ('' in a snapshot); an empty cell means "not in that run". */
const NO_SEGMENT_CELL = '(none)';
export const HISTORY_HEADER_ROWS = 5;

export function historyValues(snapshots: readonly Snapshot[]): PlanValue[][] {
  const cols: { s: Snapshot; type: string }[] = [];
  for (const s of snapshots) for (const type of Object.keys(s.segments)) cols.push({ s, type });
  const width = 1 + Math.max(1, cols.length);
  const pad = (row: PlanValue[]) => (row.length < width ? row.concat(new Array<PlanValue>(width - row.length).fill('')) : row);
  const out: PlanValue[][] = [
    pad([HISTORY_TITLE]),
    pad([LABELS[0], ...cols.map((c) => c.s.time)]),
    pad([LABELS[1], ...cols.map((c) => c.s.configHash)]),
    pad([LABELS[2], ...cols.map((c) => c.s.dataFingerprint)]),
    pad([LABELS[3], ...cols.map((c) => c.type)]),
  ];
  const ids = new Map<string, number>();
  for (const s of snapshots) for (const per of Object.values(s.segments)) for (const id of Object.keys(per)) if (!ids.has(id)) ids.set(id, ids.size);
  for (const id of ids.keys()) {
    out.push(
      pad([
        id,
        ...cols.map((c) => {
          const v = c.s.segments[c.type][id];
          return v === undefined ? '' : v === '' ? NO_SEGMENT_CELL : v;
        }),
      ]),
    );
  }
  return out;
}

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c));

/** The snapshots back from the sheet's values, oldest first; undefined when the sheet is not Tierwise's layout. */
export function parseHistory(values: readonly (readonly Cell[])[]): Snapshot[] | undefined {
  if (values.length < HISTORY_HEADER_ROWS) return undefined;
  for (let i = 0; i < LABELS.length; i++) if (text(values[i + 1]?.[0]) !== LABELS[i]) return undefined;
  const [, times, hashes, prints, types] = values;
  const snapshots: Snapshot[] = [];
  let current: Snapshot | undefined;
  for (let c = 1; c < types.length; c++) {
    const type = text(types[c]);
    if (type === '') continue;
    const time = text(times[c]);
    if (!current || current.time !== time || current.configHash !== text(hashes[c]) || type in current.segments) {
      current = { time, configHash: text(hashes[c]), dataFingerprint: text(prints[c]), segments: {} };
      snapshots.push(current);
    }
    const per: Record<string, string> = {};
    for (let r = HISTORY_HEADER_ROWS; r < values.length; r++) {
      const id = text(values[r][0]);
      const v = text(values[r][c]);
      if (id !== '' && v !== '') per[id] = v === NO_SEGMENT_CELL ? '' : v;
    }
    current.segments[type] = per;
  }
  return snapshots;
}

/**
 * The runs to keep: the last `maxRuns`, fewer when the columns would pass Excel's 16,384.
 * The newest run is always kept.
 */
export function keepRuns(snapshots: readonly Snapshot[], maxRuns: number): Snapshot[] {
  const kept = snapshots.slice(-Math.max(1, maxRuns));
  const columns = (s: readonly Snapshot[]) => s.reduce((n, x) => n + Object.keys(x.segments).length, 1);
  while (kept.length > 1 && columns(kept) > 16_384) kept.shift();
  return kept;
}
