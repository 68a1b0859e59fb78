// Text stays text, whatever it is: any string written as a cell comes back as the same string.
import fc from 'fast-check';
import { cellXml } from '../../../src/hosts/xlsx/sheet-xml';
import { readSheetXml } from '../../../src/hosts/xlsx/read';
import { escapeXml, unescapeXml } from '../../../src/hosts/xlsx/xml';

const sheet = (cells: string) => Buffer.from(`<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>`);

/** Strings without lone surrogates (which no XML file can hold; they are written as U+FFFD). */
const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }).filter((s) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s));
const formulaLike = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), text).map(([a, b]) => a + b);

describe('cell text', () => {
  it('comes back as written: formula-like, control characters, _xHHHH_ look-alikes, any plane', () => {
    fc.assert(
      fc.property(fc.oneof(text, formulaLike, fc.constantFrom('_x0041_', '_x005F_x0041_', 'a\r\nb', ' lead', 'trail ', '\u0000')), (s) => {
        const xml = cellXml(0, 0, s, 0);
        expect(xml).not.toMatch(/<f[\s>]/);
        expect(xml).toContain('t="inlineStr"');
        expect(readSheetXml(sheet(xml), []).rows[0][0]).toBe(s);
        expect(unescapeXml(escapeXml(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('escapes what XML cannot hold as Excel does (by hand: CR is _x000D_, a literal _x0041_ is protected)', () => {
    expect(escapeXml('a\rb')).toBe('a_x000D_b');
    expect(escapeXml('_x0041_')).toBe('_x005F_x0041_');
    expect(escapeXml('<=1&2>')).toBe('&lt;=1&amp;2&gt;');
  });
});
