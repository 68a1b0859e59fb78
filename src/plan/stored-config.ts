// The configuration as kept in the workbook: versioned JSON text. An invalid or newer document from
// a shared file is never half-applied; its text is kept until the user resets to the defaults.
import { defaultConfig, parseConfigText, type Config } from '../engine/config';
import { typeNeeds } from '../engine/ingest';
import { detectColumns } from '../engine/parse/headers';
import type { Cell, Issue } from '../engine/types';

export type LoadedConfig =
  /** Nothing stored: the workbook starts with the defaults. */
  | { state: 'none'; config: Config }
  | { state: 'ok'; config: Config; text: string; warnings: Issue[] }
  /** Every problem, and the original text, which stays in the workbook until `resetText()` replaces it. */
  | { state: 'invalid'; text: string; issues: Issue[]; warnings: Issue[] };

export function loadStoredConfig(stored: { text: string } | undefined): LoadedConfig {
  if (!stored || stored.text.trim() === '') return { state: 'none', config: defaultConfig() };
  const parsed = parseConfigText(stored.text);
  return parsed.ok
    ? { state: 'ok', config: parsed.config, text: stored.text, warnings: parsed.warnings }
    : { state: 'invalid', text: stored.text, issues: parsed.issues, warnings: parsed.warnings };
}

/** The text written by "Reset to defaults" (and by a first run). */
export const configText = (config: Config): string => JSON.stringify(config, null, 2);
export const defaultConfigText = (): string => configText(defaultConfig());

/**
 * What a workbook without settings starts with, for the header of its sales range: the default types
 * that the detected columns can run. The default's profit bands need a Profit or a Cost column; without
 * one, the first screen of a finance user whose lines hold customer, date and amount would be an error
 * about a type nobody asked for, and no tiers at all. A caller that has detected the columns already
 * passes its `mapping`.
 */
export function startingConfig(header: readonly Cell[], mapping = detectColumns([...header])): Config {
  const base = defaultConfig();
  const has = (role: keyof typeof mapping) => mapping[role] !== undefined;
  const runs = base.segmentTypes.filter((t) => typeNeeds(t).every((need) => (need.role === 'profitOrCost' ? has('profit') || has('cost') : has(need.role))));
  return runs.length === base.segmentTypes.length ? base : { ...base, segmentTypes: runs };
}
