// Manual overrides (SEMANTICS.md 3.8): the manager's choice wins over the automatic segment.
import type { CustomerIndex } from './ingest';
import type { Issue } from './types';

export interface Overridden {
  manual: Int32Array;
  final: Int32Array;
  issues: Issue[];
}

/**
 * `final = manual || auto`. An override naming a segment that no longer exists is kept in the
 * configuration, reported, and not applied. Segment names match exactly, then ignoring case.
 */
export function applyOverrides(
  typeName: string,
  segmentNames: readonly string[],
  overrides: Readonly<Record<string, string>> | undefined,
  customers: CustomerIndex,
  auto: Int32Array,
): Overridden {
  const manual = new Int32Array(auto.length).fill(-1);
  // Without overrides the final segments are the automatic ones: no copy on every threshold drag.
  if (overrides === undefined || Object.keys(overrides).length === 0) return { manual, final: auto, issues: [] };
  const issues: Issue[] = [];
  const lower = segmentNames.map((s) => s.toLowerCase());
  for (const [id, wanted] of Object.entries(overrides ?? {})) {
    const name = wanted.trim();
    if (name === '') continue;
    let s = segmentNames.indexOf(name);
    if (s < 0) s = lower.indexOf(name.toLowerCase());
    const c = customers.byId.get(id.trim());
    if (s < 0) {
      issues.push({ severity: 'warning', where: `overrides["${typeName}"]["${id}"]`, message: `segment "${wanted}" does not exist in "${typeName}" (segments: ${segmentNames.join(', ')}); the override is kept but not applied` });
      continue;
    }
    if (c !== undefined) manual[c] = s;
  }
  const final = new Int32Array(auto.length);
  for (let c = 0; c < auto.length; c++) final[c] = manual[c] >= 0 ? manual[c] : auto[c];
  return { manual, final, issues };
}
