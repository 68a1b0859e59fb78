// The configuration as kept in the workbook: versioned JSON text. An invalid or newer document from
// a shared file is never half-applied; its text is kept until the user resets to the defaults.
import { defaultConfig, parseConfigText, type Config } from '../engine/config';
import type { Issue } from '../engine/types';

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
