// Where Tierwise's settings (the configuration, the sheets and columns it owns) live in a file.
// When the add-in has saved settings in the workbook, Office keeps them in a webextension part
// (`xl/webextensions/webextensionN.xml`): one `<we:property name=KEY value=JSON/>` per key of
// `workbook.settings`, under a `<we:reference id=...>` naming the add-in's manifest Id. The command
// line reads and writes that same part, so a file goes from Excel to the command line and back
// keeping its settings. A workbook the add-in never saw gets a hidden "Tierwise Settings" sheet
// instead: creating an add-in part would make Excel look for an add-in that may not be installed.
import type { XlsxPackage, SheetEntry } from './package';
import { decodeEntities, escapeAttr, findTags } from './xml';

/** The add-in's permanent manifest Id (manifest.xml `<Id>`): Office keys saved settings by it. */
export const ADDIN_ID = '199e9907-7e49-44e7-93ea-357226612fb7';

// The sheet's format is shared with the office host, which reads it when Excel opens such a file.
export { CELL_TEXT_MAX, parseSettingsSheet, SETTINGS_SHEET, SETTINGS_TITLE, settingsSheetValues } from '../../plan/settings-sheet';

export type SettingsPlace = { kind: 'add-in'; path: string } | { kind: 'sheet'; sheet?: SheetEntry };

const sameId = (a: string, b: string) => a.replace(/[{}]/g, '').toLowerCase() === b.replace(/[{}]/g, '').toLowerCase();

/** The webextension part holding Tierwise's settings, if the add-in saved any in this workbook. */
export async function findAddinPart(pkg: XlsxPackage): Promise<string | undefined> {
  for (const path of pkg.paths()) {
    if (!/(^|\/)webextensions\/[^/]+\.xml$/i.test(path)) continue;
    const xml = await pkg.text(path);
    if (!xml || !/<(?:[\w.-]+:)?webextension[\s>]/.test(xml)) continue;
    const refs = findTags(xml, 'reference').map(({ tag }) => /\sid\s*=\s*"([^"]*)"/.exec(tag)?.[1] ?? '');
    if (refs.some((id) => sameId(decodeEntities(id), ADDIN_ID))) return path;
  }
  return undefined;
}

const PROPERTY = /<((?:[\w.-]+:)?)property\b[^>]*?\bname\s*=\s*"([^"]*)"[^>]*?\bvalue\s*=\s*"([^"]*)"[^>]*?\/>/g;

/** A property's value text as Tierwise uses it: Office stores each value as JSON, and a string setting comes back as that string. */
function valueOf(raw: string): string {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  } catch {
    return raw;
  }
}

/** Key -> value text. */
export function readAddinProperties(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(PROPERTY)) out.set(decodeEntities(m[2]), valueOf(decodeEntities(m[3])));
  return out;
}

/**
 * The part with `values` set (each as a JSON string, the way `settings.set(key, text)` stores it).
 * A property whose value reads as the one to write keeps its bytes: other add-ins' settings (a
 * `true` that would become `"true"`), and Tierwise's own when unchanged.
 */
export function writeAddinProperties(xml: string, values: ReadonlyMap<string, string>): string {
  const pending = new Map(values);
  let prefix = 'we:';
  let out = xml.replace(PROPERTY, (whole, p: string, name: string, raw: string) => {
    prefix = p;
    const key = decodeEntities(name);
    const v = pending.get(key);
    if (v === undefined) return whole;
    pending.delete(key);
    if (valueOf(decodeEntities(raw)) === v) return whole;
    return `<${p}property name="${escapeAttr(key)}" value="${escapeAttr(JSON.stringify(v))}"/>`;
  });
  if (pending.size === 0) return out;
  const m = /<((?:[\w.-]+:)?)webextension[\s>]/.exec(out);
  prefix = m?.[1] ?? prefix;
  const added = [...pending].map(([k, v]) => `<${prefix}property name="${escapeAttr(k)}" value="${escapeAttr(JSON.stringify(v))}"/>`).join('');
  const close = new RegExp(`</${prefix}properties\\s*>`).exec(out);
  if (close) return out.slice(0, close.index) + added + out.slice(close.index);
  const empty = new RegExp(`<${prefix}properties\\s*/>`).exec(out);
  if (empty) return out.slice(0, empty.index) + `<${prefix}properties>${added}</${prefix}properties>` + out.slice(empty.index + empty[0].length);
  // CT_OsfWebExtension: reference, alternateReferences?, properties?, bindings?, snapshot?
  const after = new RegExp(`<${prefix}(bindings|snapshot|extLst)[\\s/>]`).exec(out);
  const at = after ? after.index : out.lastIndexOf(`</${prefix}webextension`);
  out = out.slice(0, at) + `<${prefix}properties>${added}</${prefix}properties>` + out.slice(at);
  return out;
}
