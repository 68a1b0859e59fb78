// Styles Tierwise needs (bold headers, a title, number formats, conditional fills), appended to the
// workbook's own styles part. Nothing existing is renumbered, so every user cell keeps its look; an
// entry Tierwise added on an earlier run is found again by its exact text instead of added twice.
import { attributes, closingTag, elementPrefix, escapeXml, withPrefix } from './xml';

const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '@': 49,
};

/**
 * Built-in formats a file names by id only, as Excel in English (United States) shows them (ECMA-376
 * 18.8.30; 5-8 and 41-44 are Excel's, left to the locale by the standard): what a cell's format means
 * when the styles part does not spell it out.
 */
const BUILT_IN_CODES: Record<number, string> = {
  ...Object.fromEntries(Object.entries(BUILT_IN_FORMATS).map(([code, id]) => [id, code])),
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
};

/**
 * Per cellXfs index of a styles part, the number format code its cells show (`General` for none;
 * undefined for a built-in id with no code known here, a date format of another locale).
 */
export function cellFormatCodes(xml: string): (string | undefined)[] {
  const prefix = elementPrefix(xml, 'styleSheet');
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(new RegExp(`<${prefix}numFmt\\b[^>]*>`, 'g'))) {
    const a = attributes(m[0]);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  return [...xfs.matchAll(new RegExp(`<${prefix}xf\\b[^>]*>`, 'g'))].map((m) => {
    const id = Number(attributes(m[0]).numFmtId ?? 0);
    return custom.get(id) ?? BUILT_IN_CODES[id];
  });
}

export interface CellStyle {
  numberFormat?: string;
  /** `link`: Excel's Hyperlink style in the default theme (blue, underlined). */
  font?: 'bold' | 'title' | 'link';
}

const FONTS: Record<NonNullable<CellStyle['font']>, string> = {
  bold: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  title: '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
  link: '<font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font>',
};

export interface ConditionalStyle {
  /** #RRGGBB */
  fill: string;
  font?: string;
}

/** `#RRGGBB` -> the opaque ARGB SpreadsheetML wants. */
export const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase().padStart(6, '0').slice(-6)}`;

/** Sections of a styles part, in schema order (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

export const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>`;

/** Items per section: an empty tag or a tag with a body, with the part's prefix (`x:` from the Open XML SDK). */
const ITEM_NAMES: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', cellXfs: 'xf', dxfs: 'dxf' };
const itemPattern = (name: string, prefix: string) => {
  const item = `${prefix}${ITEM_NAMES[name]}`;
  return new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g');
};

/** A styles part being extended. `xml()` gives the new text; `changed` says whether to write it. */
export class StyleBook {
  private text: string;
  changed = false;
  private cache = new Map<string, number>();
  /**
   * The prefix of the part's elements: sections are found, and items written, with it. Looking for
   * `<cellXfs>` in a part of `<x:cellXfs>` found none and appended a new list after `<x:extLst>`, so
   * every index Tierwise gave pointed past the part's real list.
   */
  private readonly prefix: string;

  constructor(xml: string) {
    this.text = xml;
    this.prefix = elementPrefix(xml, 'styleSheet');
  }

  xml(): string {
    return this.text;
  }

  private section(name: string): { start: number; bodyStart: number; bodyEnd: number; end: number } | undefined {
    const open = new RegExp(`<${this.prefix}${name}\\b[^>]*?(/)?>`).exec(this.text);
    if (!open) return undefined;
    if (open[1]) return { start: open.index, bodyStart: open.index + open[0].length, bodyEnd: open.index + open[0].length, end: open.index + open[0].length };
    const close = closingTag(this.text.slice(open.index), name);
    if (!close) return undefined;
    return { start: open.index, bodyStart: open.index + open[0].length, bodyEnd: open.index + close.index, end: open.index + close.index + close.text.length };
  }

  private items(name: string): string[] {
    const s = this.section(name);
    return s ? this.text.slice(s.bodyStart, s.bodyEnd).match(itemPattern(name, this.prefix)) ?? [] : [];
  }

  /** Index of `item` in the section, appending it (and creating the section) when absent. */
  private ensure(name: string, unprefixed: string): number {
    const item = withPrefix(unprefixed, this.prefix);
    const items = this.items(name);
    const found = items.indexOf(item);
    if (found >= 0) return found;
    let s = this.section(name);
    if (!s) {
      const after = ORDER.slice(ORDER.indexOf(name) + 1).map((n) => this.section(n)).find((x) => x);
      const at = after ? after.start : (closingTag(this.text, 'styleSheet')?.index ?? this.text.length);
      this.text = `${this.text.slice(0, at)}<${this.prefix}${name} count="0"></${this.prefix}${name}>${this.text.slice(at)}`;
      s = this.section(name)!;
    }
    const open = this.text.slice(s.start, s.bodyStart).replace(/\s*\/>$/, '>').replace(/\bcount="\d*"/, `count="${items.length + 1}"`);
    const withCount = /\bcount=/.test(open) ? open : open.replace(/>$/, ` count="${items.length + 1}">`);
    const body = this.text.slice(s.bodyStart, s.bodyEnd) + item;
    const closing = s.end === s.bodyEnd ? `</${this.prefix}${name}>` : this.text.slice(s.bodyEnd, s.end);
    this.text = this.text.slice(0, s.start) + withCount + body + closing + this.text.slice(s.end);
    this.changed = true;
    return items.length;
  }

  private numFmtId(code: string): number {
    if (code in BUILT_IN_FORMATS) return BUILT_IN_FORMATS[code];
    const existing = this.items('numFmts').map((t) => /numFmtId="(\d+)"[^>]*formatCode="([^"]*)"|formatCode="([^"]*)"[^>]*numFmtId="(\d+)"/.exec(t));
    for (const m of existing) {
      if (!m) continue;
      const [id, fc] = m[1] ? [m[1], m[2]] : [m[4], m[3]];
      if (fc === escapeXml(code)) return Number(id);
    }
    const used = existing.map((m) => Number(m?.[1] ?? m?.[4] ?? 0));
    const id = Math.max(163, ...used) + 1;
    this.ensure('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  /** The cellXfs index for a style (0, the workbook's Normal style, when nothing is asked). */
  cellStyle(style: CellStyle): number {
    if (!style.numberFormat && !style.font) return 0;
    const key = `${style.numberFormat ?? ''}|${style.font ?? ''}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const fmt = style.numberFormat ? this.numFmtId(style.numberFormat) : 0;
    const font = style.font ? this.ensure('fonts', FONTS[style.font]) : 0;
    const xf = `<xf numFmtId="${fmt}" fontId="${font}" fillId="0" borderId="0" xfId="0"${fmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}/>`;
    const id = this.ensure('cellXfs', xf);
    this.cache.set(key, id);
    return id;
  }

  /** A differential format for conditional formatting: the fill and optional font colour. */
  dxf(style: ConditionalStyle): number {
    const font = style.font ? `<font><color rgb="${argb(style.font)}"/></font>` : '';
    return this.ensure('dxfs', `<dxf>${font}<fill><patternFill patternType="solid"><fgColor rgb="${argb(style.fill)}"/><bgColor rgb="${argb(style.fill)}"/></patternFill></fill></dxf>`);
  }
}
