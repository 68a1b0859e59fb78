// Reading a previous run back from the workbook (pure: the host hands over cell values): the
// history snapshots and the manual overrides typed into the tiers table, so no override is lost.
import type { Config } from '../engine/config';
import type { PreviousSegments } from '../engine/run';
import type { Cell } from '../engine/types';
import type { PreviousRun } from '../hosts/host';
import { parseHistory } from './history-sheet';
import { MANUAL_SUFFIX } from './planner';

const text = (c: Cell): string => (c === null || c === undefined ? '' : String(c).trim());

/** Segment type -> customer -> non-empty cell, from every `<type><suffix>` column of the tiers table (header row first). */
function columnsEndingWith(values: readonly (readonly Cell[])[], suffix: string): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  if (values.length === 0) return out;
  const header = values[0].map(text);
  const idCol = header.indexOf('Customer');
  if (idCol < 0) return out;
  header.forEach((h, c) => {
    if (!h.endsWith(suffix)) return;
    const type = h.slice(0, -suffix.length);
    const per: Record<string, string> = {};
    for (let r = 1; r < values.length; r++) {
      const id = text(values[r][idCol]);
      const v = text(values[r][c]);
      if (id !== '' && v !== '') per[id] = v;
    }
    out[type] = per;
  });
  return out;
}

/** Segment type -> customer -> segment, from every `<type> (manual)` column of the tiers table (header row first). */
export function overridesFromTiers(values: readonly (readonly Cell[])[]): Record<string, Record<string, string>> {
  return columnsEndingWith(values, MANUAL_SUFFIX);
}

/**
 * Activity types: segment type -> customer -> categories, from every `<type> (categories)` column of
 * the tiers table, so exclusive categories start from what the last run (or the user) left there.
 */
export function categoriesFromTiers(values: readonly (readonly Cell[])[]): Record<string, Record<string, string>> {
  return columnsEndingWith(values, ' (categories)');
}

export function readPreviousRun(sheets: { history?: readonly (readonly Cell[])[]; tiers?: readonly (readonly Cell[])[] }): PreviousRun | undefined {
  const snapshots = sheets.history ? (parseHistory(sheets.history) ?? []) : [];
  const overrides = sheets.tiers ? overridesFromTiers(sheets.tiers) : {};
  const categories = sheets.tiers ? categoriesFromTiers(sheets.tiers) : {};
  if (snapshots.length === 0 && Object.keys(overrides).length === 0 && Object.keys(categories).length === 0) return undefined;
  return Object.keys(categories).length > 0 ? { snapshots, overrides, categories } : { snapshots, overrides };
}

/**
 * The configuration for the next run: its overrides plus those typed into the tiers table. On a
 * conflict the table wins (it is where the user edited last). Nothing is removed here: an
 * override is cleared in the pane (or in the configuration), never by an empty cell.
 */
export function mergeOverrides(config: Config, previous: PreviousRun | undefined): { config: Config; added: number; changed: number } {
  if (!previous) return { config, added: 0, changed: 0 };
  const overrides: Config['overrides'] = {};
  for (const [type, per] of Object.entries(config.overrides)) overrides[type] = { ...per };
  let added = 0;
  let changed = 0;
  for (const [type, per] of Object.entries(previous.overrides)) {
    const into = (overrides[type] ??= {});
    for (const [id, seg] of Object.entries(per)) {
      if (into[id] === undefined) added++;
      else if (into[id] !== seg) changed++;
      else continue;
      into[id] = seg;
    }
  }
  return { config: { ...config, overrides }, added, changed };
}

/**
 * The engine's view of the last run (customers it must still list), with the categories columns of
 * the tiers table that `readPreviousRun` found (`categoriesFromTiers`), unless others are given.
 */
export function previousSegments(previous: PreviousRun | undefined, categories: PreviousSegments['categories'] = previous?.categories): PreviousSegments | undefined {
  const last = previous?.snapshots[previous.snapshots.length - 1];
  if (!last && !categories) return undefined;
  return { segments: last?.segments ?? {}, categories };
}
