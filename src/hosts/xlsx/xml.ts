// Just enough XML for OOXML parts Tierwise reads or edits: escaping, attributes of one tag, and
// finding elements by local name. Parts are edited as text so that everything Tierwise does not
// understand stays exactly as it was (a DOM round trip would reformat and reorder).

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text for an element body or attribute. Characters XML 1.0 forbids (most C0 controls) are written
 * as Excel writes them (`_x0001_`), and a literal `_xHHHH_` is protected the same way.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern looks for
const NEEDS_ESCAPE = /[&<>"'_\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[&<>"']/g, (c) => ESCAPES[c])
    // eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern looks for
    .replace(/[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`)
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Entity references back to text (plain XML: no Excel `_xHHHH_` convention). */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9A-Fa-f]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : NAMED[e],
  );
}

/** Plain XML attribute text (for parts that are not cell text, such as the add-in's settings). */
export const escapeAttr = (text: string): string => text.replace(/[&<>"]/g, (c) => ESCAPES[c]).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');

/** Cell text: entity references, then Excel's `_xHHHH_` escapes (`_x005F_` protects a literal one). */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0 && text.indexOf('_x') < 0) return text;
  return decodeEntities(text).replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Attributes of one start tag (`<sheet name="A" r:id="rId1"/>`), keys as written (with prefix). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const start = tag.search(/\s/);
  if (start < 0) return out;
  re.lastIndex = start;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out[m[1]] = unescapeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** The value of the attribute whose local name is `local` (`id` finds `r:id`, not `sheetId`). */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  const key = Object.keys(attrs).find((k) => k.endsWith(`:${local}`));
  return key === undefined ? undefined : attrs[key];
}

/** Every start (or empty) tag with this local name, any prefix: the full tag text and its offset. */
export function findTags(xml: string, local: string): { tag: string; index: number }[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  const out: { tag: string; index: number }[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push({ tag: m[0], index: m.index });
  return out;
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<![^>]*>|<\?[\s\S]*?\?>|<(\/)?[\w.:-]+((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/)?>/g;
const DECLARATION = /\bxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The namespace declarations written on one start tag (prefix -> URI; '' is the default namespace). */
export function declarations(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(DECLARATION)) out.set(m[1] ?? '', decodeEntities(m[2] ?? m[3] ?? ''));
  return out;
}

/**
 * The namespaces in force at `offset` (a position between tags): the declarations of every element
 * still open there, the innermost winning. A part may declare a prefix on any element (openpyxl
 * declares `r:` on each `<sheet>`), so what holds at one place says nothing about another.
 */
export function namespacesAt(xml: string, offset: number): Map<string, string> {
  const stack: (Map<string, string> | undefined)[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m && m.index < offset; m = TOKEN.exec(xml)) {
    if (m[0][1] === '!' || m[0][1] === '?') continue;
    if (m[1]) stack.pop();
    else if (!m[3]) stack.push(m[2] && m[2].includes('xmlns') ? declarations(m[0]) : undefined);
  }
  const out = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  for (const d of stack) d?.forEach((uri, prefix) => out.set(prefix, uri));
  return out;
}

/** A prefix (never the default namespace: attributes need one) bound to one of `uris` in `scope`. */
export function prefixIn(scope: ReadonlyMap<string, string>, uris: readonly string[]): string | undefined {
  for (const [prefix, uri] of scope) if (prefix !== '' && uris.includes(uri)) return prefix;
  return undefined;
}

/** `x:` when the first element with this local name is written with a prefix (strict or SDK-style SpreadsheetML), else ''. */
export function elementPrefix(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s/>]`).exec(xml);
  return m?.[1] ?? '';
}

/** The markup Tierwise writes (unprefixed tags) with every element name given `prefix` (`x:`): for parts whose elements carry one. */
export function withPrefix(markup: string, prefix: string): string {
  return prefix ? markup.replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}`) : markup;
}

/** Offset of the closing tag of the first element with this local name (`</sheets>` or `</x:sheets>`). */
export function closingTag(xml: string, local: string): { index: number; text: string } | undefined {
  const m = new RegExp(`</(?:[\\w.-]+:)?${local}\\s*>`).exec(xml);
  return m ? { index: m.index, text: m[0] } : undefined;
}

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  /** ISO/IEC 29500 Strict's namespaces for the same (LibreOffice and Excel can save them). */
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  strictRel: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  webExtension: 'http://schemas.microsoft.com/office/webextensions/webextension/2010/11',
} as const;

export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  drawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chart: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
} as const;

/** Column letters for a 0-based column index (0 -> A, 26 -> AA). */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 0-based column index of letters (A -> 0). */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** `B3` for 0-based row and column. */
export const cellRef = (row: number, col: number): string => `${columnLetters(col)}${row + 1}`;
