// Run history (SEMANTICS.md section 9): a snapshot per run, and the migration between two runs.
import type { Config } from './config';
import type { SalesLines } from './ingest';
import type { EngineResult, TypeResult } from './result';
import { segmentName } from './result';

export interface Snapshot {
  /** ISO time of the run, given by the host: the engine never reads the clock. */
  time: string;
  configHash: string;
  dataFingerprint: string;
  /** Segment type name -> customer id -> final segment ('' when none). */
  segments: Record<string, Record<string, string>>;
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
  return { time, configHash: configHash(result.config), dataFingerprint: dataFingerprint(lines, result.customers.ids), segments };
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
 * From-segment x to-segment counts for one segment type. Customers only in the new run come from
 * `(new)`; customers only in the previous one go to `(gone)`; `(none)` is a customer with no segment.
 */
export function migration(previous: Snapshot, t: TypeResult, customerIds: readonly string[]): Migration {
  const before = previous.segments[t.type.name] ?? {};
  const names = t.segments.map((s) => s.name);
  const prevNames = new Set(Object.values(before).filter((s) => s !== ''));
  const from = [...names.filter((n) => prevNames.has(n)), ...[...prevNames].filter((n) => !names.includes(n)).sort(), NONE, NEW_CUSTOMER];
  const to = [...names, NONE, GONE_CUSTOMER];
  const counts = from.map(() => to.map(() => 0));
  const rowOf = (s: string | undefined) => (s === undefined ? from.length - 1 : s === '' ? from.length - 2 : from.indexOf(s));
  const seen = new Set<string>();
  let moved = 0;
  customerIds.forEach((id, c) => {
    seen.add(id);
    const now = segmentName(t, c);
    const was = before[id];
    counts[rowOf(was)][now === '' ? to.length - 2 : to.indexOf(now)]++;
    if (was !== undefined && was !== now) moved++;
  });
  for (const [id, was] of Object.entries(before)) {
    if (seen.has(id)) continue;
    counts[rowOf(was)][to.length - 1]++;
    moved++;
  }
  return { typeName: t.type.name, from, to, counts, moved };
}
