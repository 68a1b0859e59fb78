// The hidden 'Tierwise History' sheet: one column per run and segment type, one row per customer,
// so a million customers still fit (rows) and dozens of runs too (columns). Workbook settings are
// too small for this (1-2 MB in practice), which is why it is a sheet.
import { parseConfig, type SegmentType } from '../engine/config';
import type { TypeFacts } from '../engine/facts';
import type { Snapshot } from '../engine/history';
import type { Cell } from '../engine/types';
import type { PlanValue } from './plan';

export const HISTORY_TITLE = 'Tierwise history: one column per run and segment type. Tierwise reads this sheet before each run; please do not edit it.';
const LABELS = ['Time', 'Configuration hash', 'Data fingerprint', 'Customer'] as const;
/** A customer present in a run without a segment ('' in a snapshot); an empty cell means "not in that run". */
const NO_SEGMENT_CELL = '(none)';
export const HISTORY_HEADER_ROWS = 5;

/**
 * The newest run's facts (facts.ts) go in columns right after its segment column: a blank type cell
 * (so a Tierwise from before them skips the column) and the fact's label in the title row. The
 * segment column's title-row cell holds the segment type as configured (JSON): its thresholds.
 */
const FACT_LABELS = { measure: '(measure)', figure: '(figure)', manual: '(manual)' } as const;
type FactRole = keyof typeof FACT_LABELS;
/** In a measure column: a customer without a line in the window. */
const NO_SALES_CELL = '(no sales)';

type HistoryColumn = { s: Snapshot; type: string; role: 'segment' | FactRole };

function factCell(f: TypeFacts, role: FactRole, id: string): string {
  switch (role) {
    case 'measure': {
      if (f.noSales.has(id)) return NO_SALES_CELL;
      const v = f.measure.get(id);
      return v === undefined ? '' : String(v);
    }
    case 'figure': {
      const v = f.figure.get(id);
      return v === undefined ? '' : String(v);
    }
    case 'manual':
      return f.manual?.get(id) ?? '';
  }
}

export function historyValues(snapshots: readonly Snapshot[]): PlanValue[][] {
  const cols: HistoryColumn[] = [];
  const newest = snapshots[snapshots.length - 1];
  for (const s of snapshots) {
    for (const type of Object.keys(s.segments)) {
      cols.push({ s, type, role: 'segment' });
      const f = s === newest ? s.facts?.[type] : undefined;
      if (!f) continue;
      cols.push({ s, type, role: 'measure' });
      if (f.figure.size > 0) cols.push({ s, type, role: 'figure' });
      if (f.manual && f.manual.size > 0) cols.push({ s, type, role: 'manual' });
    }
  }
  const width = 1 + Math.max(1, cols.length);
  const pad = (row: PlanValue[]) => (row.length < width ? row.concat(new Array<PlanValue>(width - row.length).fill('')) : row);
  const definition = (c: HistoryColumn) => {
    const d = c.s === newest ? c.s.facts?.[c.type]?.definition : undefined;
    return d ? JSON.stringify(d) : '';
  };
  const out: PlanValue[][] = [
    pad([HISTORY_TITLE, ...cols.map((c) => (c.role === 'segment' ? definition(c) : FACT_LABELS[c.role]))]),
    pad([LABELS[0], ...cols.map((c) => c.s.time)]),
    pad([LABELS[1], ...cols.map((c) => c.s.configHash)]),
    pad([LABELS[2], ...cols.map((c) => c.s.dataFingerprint)]),
    pad([LABELS[3], ...cols.map((c) => (c.role === 'segment' ? c.type : ''))]),
  ];
  const ids = new Map<string, number>();
  for (const s of snapshots) for (const per of Object.values(s.segments)) for (const id of Object.keys(per)) if (!ids.has(id)) ids.set(id, ids.size);
  for (const id of ids.keys()) {
    out.push(
      pad([
        id,
        ...cols.map((c) => {
          if (c.role !== 'segment') return factCell(c.s.facts![c.type], c.role, id);
          const v = c.s.segments[c.type][id];
          return v === undefined ? '' : v === '' ? NO_SEGMENT_CELL : v;
        }),
      ]),
    );
  }
  return out;
}

/** A segment type's definition from its column's title cell; undefined when absent or not a valid one (edited by hand). */
function parseDefinition(text: string): SegmentType | undefined {
  if (!text.startsWith('{')) return undefined;
  try {
    // Alone in a configuration, references to other types (the ABC type of a matrix) cannot hold: they decide no segment.
    const type = JSON.parse(text) as Record<string, unknown>;
    delete type.abcType;
    delete type.combined;
    const parsed = parseConfig({ version: 1, segmentTypes: [type] });
    return parsed.ok ? parsed.config.segmentTypes[0] : undefined;
  } catch {
    return undefined;
  }
}

/** A fact column read back into the facts of its type. */
function readFact(facts: TypeFacts, role: FactRole, id: string, v: string): void {
  switch (role) {
    case 'measure':
      if (v === NO_SALES_CELL) facts.noSales.add(id);
      else if (Number.isFinite(Number(v))) facts.measure.set(id, Number(v));
      return;
    case 'figure':
      facts.figure.set(id, v !== '' && Number.isFinite(Number(v)) ? Number(v) : v);
      return;
    case 'manual':
      (facts.manual ??= new Map()).set(id, v);
      return;
  }
}

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c));

/** The snapshots back from the sheet's values, oldest first; undefined when the sheet is not Tierwise's layout. */
export function parseHistory(values: readonly (readonly Cell[])[]): Snapshot[] | undefined {
  if (values.length < HISTORY_HEADER_ROWS) return undefined;
  for (let i = 0; i < LABELS.length; i++) if (text(values[i + 1]?.[0]) !== LABELS[i]) return undefined;
  const [, times, hashes, prints, types] = values;
  const snapshots: Snapshot[] = [];
  let current: Snapshot | undefined;
  let lastType: string | undefined;
  const width = Math.max(types.length, values[0].length);
  for (let c = 1; c < width; c++) {
    const type = text(types[c]);
    const time = text(times[c]);
    if (type === '') {
      const role = (Object.keys(FACT_LABELS) as FactRole[]).find((r) => FACT_LABELS[r] === text(values[0][c]));
      if (!role || !current || lastType === undefined || current.time !== time) continue;
      const facts = ((current.facts ??= {})[lastType] ??= { measure: new Map(), noSales: new Set(), figure: new Map() });
      for (let r = HISTORY_HEADER_ROWS; r < values.length; r++) {
        const id = text(values[r][0]);
        const v = text(values[r][c]);
        if (id !== '' && v !== '') readFact(facts, role, id, v);
      }
      continue;
    }
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
    lastType = type;
    const definition = parseDefinition(text(values[0][c]));
    if (definition) (current.facts ??= {})[type] = { definition, measure: new Map(), noSales: new Set(), figure: new Map() };
  }
  return snapshots;
}

/**
 * The runs to keep: the last `maxRuns`, fewer when the columns would pass Excel's 16,384.
 * The newest run is always kept.
 */
export function keepRuns(snapshots: readonly Snapshot[], maxRuns: number): Snapshot[] {
  const kept = snapshots.slice(-Math.max(1, maxRuns));
  // The newest run's facts take up to three more columns per segment type (historyValues).
  const columns = (s: readonly Snapshot[]) => s.reduce((n, x) => n + Object.keys(x.segments).length, 1) + 3 * Object.keys(s[s.length - 1].segments).length;
  while (kept.length > 1 && columns(kept) > 16_384) kept.shift();
  return kept;
}
