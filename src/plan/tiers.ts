// The customer tiers table as columns: one definition serves the workbook's "Customer Tiers"
// sheet and the command line's output, so both always say the same thing.
import { epochDayToSerial } from '../engine/parse/date';
import type { EngineResult } from '../engine/result';

export type TierValue = string | number | null;

export type TierColumnRole = 'id' | 'name' | 'measure' | 'segment' | 'auto' | 'manual' | 'flag' | 'share' | 'extra';

export interface TierColumn {
  header: string;
  role: TierColumnRole;
  /** `date` columns hold Excel serial numbers (1900 system); `money` ones are written in the sales column's format. */
  format: 'text' | 'number' | 'money' | 'integer' | 'percent' | 'date';
  /** The segment type the column belongs to (segment, auto, manual, flag, share, extra). */
  typeName?: string;
  values: TierValue[];
}

export const FLAG_TEXT = 'manual ≠ auto';

const numbers = (a: ArrayLike<number>): TierValue[] => Array.from(a, (v) => (Number.isFinite(v) ? v : null));
// The engine counts days from 1970; a workbook shows a date from its serial number.
const serials = (a: ArrayLike<number>, date1904: boolean): TierValue[] => Array.from(a, (v) => (Number.isFinite(v) ? epochDayToSerial(v, date1904) : null));

export function tierColumns(result: EngineResult): TierColumn[] {
  const { customers, measures } = result;
  const n = customers.ids.length;
  const segmentText = (segments: { name: string }[], idx: Int32Array) => Array.from(idx, (s): TierValue => (s >= 0 ? segments[s].name : ''));
  const cols: TierColumn[] = [
    { header: 'Customer', role: 'id', format: 'text', values: customers.ids.slice() },
    { header: 'Customer name', role: 'name', format: 'text', values: customers.names.slice() },
    { header: 'Sales', role: 'measure', format: 'money', values: numbers(measures.sales) },
  ];
  if (result.mapping.profit !== undefined || result.mapping.cost !== undefined) {
    cols.push({ header: 'Profit', role: 'measure', format: 'money', values: numbers(measures.profit) });
  }
  for (const t of result.types) {
    const name = t.type.name;
    cols.push({ header: name, role: 'segment', format: 'text', typeName: name, values: segmentText(t.segments, t.final) });
    if (t.manual) {
      const manual = t.manual;
      cols.push({ header: `${name} (auto)`, role: 'auto', format: 'text', typeName: name, values: segmentText(t.segments, t.auto) });
      cols.push({ header: `${name} (manual)`, role: 'manual', format: 'text', typeName: name, values: segmentText(t.segments, manual) });
      cols.push({
        header: `${name} (flag)`,
        role: 'flag',
        format: 'text',
        typeName: name,
        values: Array.from({ length: n }, (_, c) => (manual[c] >= 0 && manual[c] !== t.auto[c] ? FLAG_TEXT : '')),
      });
    }
    if (t.measureName !== 'sales' && t.measureName !== 'profit') {
      cols.push({ header: `${name} (${t.measureName})`, role: 'measure', format: 'number', typeName: name, values: numbers(t.measure) });
    }
    if (t.shares) {
      cols.push({ header: `${name} (share)`, role: 'share', format: 'percent', typeName: name, values: numbers(t.shares.share) });
      cols.push({ header: `${name} (cumulative share)`, role: 'share', format: 'percent', typeName: name, values: numbers(t.shares.cumulative) });
    }
    for (const x of t.extraColumns) {
      cols.push({
        header: x.header,
        role: 'extra',
        format: x.format,
        typeName: name,
        values:
          x.format === 'text' ? Array.from(x.values as readonly string[]) : x.format === 'date' ? serials(x.values as ArrayLike<number>, result.date1904) : numbers(x.values as ArrayLike<number>),
      });
    }
  }
  return cols;
}

/** Columns -> rows, for writers that want rows. */
export function toRows(cols: readonly TierColumn[]): TierValue[][] {
  const n = cols.length ? cols[0].values.length : 0;
  const rows: TierValue[][] = new Array(n);
  for (let r = 0; r < n; r++) rows[r] = cols.map((c) => c.values[r]);
  return rows;
}
