// Run history (SEMANTICS.md section 9): a snapshot per run, and the migration between two runs.
import type { Config } from './config';
import type { SalesLines } from './ingest';
import type { EngineResult, TypeResult } from './result';
import { takeFacts, type TypeFacts } from './facts';
import { entryOf } from './prepared';
import { segmentName } from './result';

export interface Snapshot {
  /** ISO time of the run, given by the host: the engine never reads the clock. */
  time: string;
  configHash: string;
  dataFingerprint: string;
  /** Segment type name -> customer id -> final segment ('' when none). */
  segments: Record<string, Record<string, string>>;
  /**
   * Segment type name -> what the run knew beyond the segments (measure, deciding figure, override,
   * thresholds), so the next run can say why a customer moved. The history sheet keeps them for its
   * newest run only; an older sheet has none.
   */
  facts?: Record<string, TypeFacts>;
}

// Bound once: in a vm context (jest) every lookup of the global `Math` inside a hot loop is slow.
const imul = Math.imul;

/** FNV-1a, 32 bit, over UTF-16 code units: a stable, dependency-free fingerprint (not a security hash). */
export function hashText(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = imul(h, 0x01000193) >>> 0;
  }
  return h;
}

const hex = (n: number) => n.toString(16).padStart(8, '0');

/** JSON with sorted keys, so two equal configurations hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of how customers are segmented: without the overrides (kept apart in the history) and without
 * the ranges (where the data came from; the data fingerprint tells when the data changed).
 */
export function configHash(config: Config): string {
  const text = canonicalJson({ ...config, overrides: undefined, ranges: undefined });
  return hex(hashText(text)) + hex(hashText(text, 0x12345678));
}

/** A fingerprint of the lines a run used: customer ids, days, amounts and profits, in order. */
export function dataFingerprint(lines: SalesLines, customerIds: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x12345678;
  const mix = (words: Uint32Array) => {
    for (let i = 0; i < words.length; i++) {
      a = imul(a ^ words[i], 0x01000193) >>> 0;
      b = imul(b ^ words[i], 0x85ebca6b) >>> 0;
    }
  };
  for (const arr of [lines.day, lines.amount, lines.profit]) mix(new Uint32Array(arr.buffer, arr.byteOffset, arr.length * 2));
  mix(new Uint32Array(lines.customer.buffer, lines.customer.byteOffset, lines.length));
  a = hashText(customerIds.join('\u0000'), a);
  return `${hex(a)}${hex(b)}-${lines.length}`;
}

export function takeSnapshot(result: EngineResult, lines: SalesLines, time: string): Snapshot {
  const segments: Snapshot['segments'] = {};
  for (const t of result.types) {
    const perCustomer: Record<string, string> = {};
    result.customers.ids.forEach((id, c) => {
      perCustomer[id] = segmentName(t, c);
    });
    segments[t.type.name] = perCustomer;
  }
  return { time, configHash: configHash(result.config), dataFingerprint: dataFingerprint(lines, result.customers.ids), segments, facts: takeFacts(result) };
}

export const NEW_CUSTOMER = '(new)';
export const GONE_CUSTOMER = '(gone)';
export const NONE = '(none)';

export interface Migration {
  typeName: string;
  /** Row labels: previous segments, then (none), then (new). */
  from: string[];
  /** Column labels: current segments, then (none), then (gone). */
  to: string[];
  counts: number[][];
  /** Customers whose final segment changed. */
  moved: number;
}

/**
 * What the previous run said of each current customer, for one segment type, coded once: a preview
 * recounts the migration on every threshold drag, and 50,000 lookups by customer id per drag would
 * cost more than the drag itself.
 */
export interface PreviousSegmentCodes {
  typeName: string;
  /** The previous run's segment names (non-blank), sorted. */
  names: string[];
  /** Per current customer: an index into `names`, or WAS_NONE (no segment), or WAS_ABSENT (new). */
  code: Int32Array;
  /** Customers of the previous run that are gone now, by their previous segment ('' for none). */
  gone: Map<string, number>;
}

const WAS_NONE = -1;
const WAS_ABSENT = -2;

export function previousSegmentCodes(previous: Snapshot, typeName: string, customerIds: readonly string[]): PreviousSegmentCodes {
  const before = previous.segments[typeName] ?? {};
  const names = [...new Set(Object.values(before).filter((s) => s !== ''))].sort();
  const index = new Map(names.map((n, i) => [n, i]));
  const code = new Int32Array(customerIds.length);
  const seen = new Set<string>();
  customerIds.forEach((id, c) => {
    seen.add(id);
    const was = entryOf(before, id);
    code[c] = was === undefined ? WAS_ABSENT : was === '' ? WAS_NONE : index.get(was)!;
  });
  const gone = new Map<string, number>();
  for (const [id, was] of Object.entries(before)) if (!seen.has(id)) gone.set(was, (gone.get(was) ?? 0) + 1);
  return { typeName, names, code, gone };
}

/** One segment type's customers per segment in each kept run: segment migration over time. */
export interface RunCounts {
  /** Today's segments, then those only earlier runs had, then `(none)`. */
  names: string[];
  /** Oldest first: each run that had the type, its time, and its customers per name. */
  runs: { time: string; counts: number[] }[];
}

/**
 * Customers per segment of `typeName` in each of `snapshots` (oldest first) that has the type; the
 * columns are `current` (today's segment names, in order), then the names only earlier runs used (a
 * segment renamed or removed since), then `(none)` for a customer without a segment.
 */
export function countsByRun(snapshots: readonly Snapshot[], typeName: string, current: readonly string[]): RunCounts {
  // One pass per run, counting by name; the columns are known once every run is counted.
  const kept = snapshots
    .filter((s) => s.segments[typeName] !== undefined)
    .map((snapshot) => {
      const bySegment = new Map<string, number>();
      for (const segment of Object.values(snapshot.segments[typeName])) bySegment.set(segment, (bySegment.get(segment) ?? 0) + 1);
      return { time: snapshot.time, bySegment };
    });
  const names = [...current];
  // The names only earlier runs used, the latest run's first.
  for (const run of [...kept].reverse()) for (const segment of run.bySegment.keys()) if (segment !== '' && !names.includes(segment)) names.push(segment);
  names.push(NONE);
  const runs = kept.map(({ time, bySegment }) => ({ time, counts: names.map((n, i) => bySegment.get(i === names.length - 1 ? '' : n) ?? 0) }));
  return { names, runs };
}

/**
 * From-segment x to-segment counts for one segment type. Customers only in the new run come from
 * `(new)`; customers only in the previous one go to `(gone)`; `(none)` is a customer with no segment.
 */
export function migration(previous: Snapshot, t: TypeResult, customerIds: readonly string[]): Migration {
  return migrationFrom(previousSegmentCodes(previous, t.type.name, customerIds), t);
}

/** The migration of `t` from previous segments coded by `previousSegmentCodes` (one pass over the customers). */
export function migrationFrom(prev: PreviousSegmentCodes, t: TypeResult): Migration {
  const names = t.segments.map((s) => s.name);
  // Rows: today's segments the previous run had too (in today's order), then the previous run's others.
  const fromNames = [...names.filter((n) => prev.names.includes(n)), ...prev.names.filter((n) => !names.includes(n))];
  const from = [...fromNames, NONE, NEW_CUSTOMER];
  const to = [...names, NONE, GONE_CUSTOMER];
  const rowOfName = prev.names.map((n) => fromNames.indexOf(n));
  const counts = from.map(() => to.map(() => 0));
  const noneColumn = to.length - 2;
  // Today's segment index in `to` equals its index in t.segments; a previous name's index, if any, too.
  const nowIndexOfPrev = prev.names.map((n) => names.indexOf(n));
  let moved = 0;
  for (let c = 0; c < prev.code.length; c++) {
    const s = t.final[c];
    const col = s >= 0 ? s : noneColumn;
    const was = prev.code[c];
    const row = was >= 0 ? rowOfName[was] : was === WAS_NONE ? from.length - 2 : from.length - 1;
    counts[row][col]++;
    // Moved: a previous segment and another one now (or none now), or none before and one now.
    if (was >= 0 ? s < 0 || nowIndexOfPrev[was] !== s : was === WAS_NONE && s >= 0) moved++;
  }
  for (const [was, n] of prev.gone) {
    counts[was === '' ? from.length - 2 : rowOfName[prev.names.indexOf(was)]][to.length - 1] += n;
    moved += n;
  }
  return { typeName: t.type.name, from, to, counts, moved };
}
