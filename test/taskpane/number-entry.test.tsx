/**
 * @jest-environment jsdom
 */
// Numbers as people type them, in en-US, de-DE and fr-FR: the locale's grouping and decimal
// separator are read, text that reads only in another convention is refused with what to type, and
// a box not focused shows its number grouped.
import { fireEvent, screen } from '@testing-library/react';
import type { BandsType } from '../../src/engine/bands-schema';
import type { SegmentType } from '../../src/engine/config';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { NumberField } from '../../src/taskpane/components/NumberField';
import { groupedText, paneLocale, parseTypedNumber } from '../../src/taskpane/format';
import { EditorHarness, renderPane } from './render';

const NNBSP = '\u202f';

describe('parseTypedNumber', () => {
  const read = (text: string, locale: string) => {
    const r = parseTypedNumber(text, locale);
    return r.ok ? r.value : r.message;
  };

  it('en-US: comma groups, point is the decimal', () => {
    expect(read('1,000', 'en-US')).toBe(1000);
    expect(read('1,234,567.89', 'en-US')).toBe(1234567.89);
    expect(read('-2,500', 'en-US')).toBe(-2500);
    expect(read('\u22123.5', 'en-US')).toBe(-3.5);
    expect(read('1 000', 'en-US')).toBe(1000);
    expect(read('.5', 'en-US')).toBe(0.5);
    // "1,5" is one and a half in German, fifteen in a typo: refused, never guessed.
    expect(read('1,5', 'en-US')).toBe('"1,5" is not a number in American English: "," groups thousands in threes and "." is the decimal separator, as in 1,234.5');
    expect(read('1.000,5', 'en-US')).toMatch(/^"1.000,5" is not a number in American English/);
    expect(read('12,34,567', 'en-US')).toMatch(/is not a number in American English/);
    expect(read('abc', 'en-US')).toBe('"abc" is not a number');
    expect(read('1e5', 'en-US')).toBe('"1e5" is not a number');
  });

  it('de-DE: point groups, comma is the decimal', () => {
    expect(read('1.000', 'de-DE')).toBe(1000);
    expect(read('87.626', 'de-DE')).toBe(87626);
    expect(read('1.000,75', 'de-DE')).toBe(1000.75);
    expect(read('499,5', 'de-DE')).toBe(499.5);
    expect(read('1,000', 'de-DE')).toBe(1);
    // Read with a decimal point "1.5" was 1.5, read as grouping it is no number: refused.
    expect(read('1.5', 'de-DE')).toBe('"1.5" is not a number in German (Germany): "." groups thousands in threes and "," is the decimal separator, as in 1.234,5');
    expect(read('12.50', 'de-DE')).toMatch(/is not a number in German/);
  });

  it('fr-FR: a narrow no-break space groups (or any space typed), comma is the decimal', () => {
    expect(read(`1${NNBSP}000,5`, 'fr-FR')).toBe(1000.5);
    expect(read('1 000', 'fr-FR')).toBe(1000);
    expect(read('1\u00a0000', 'fr-FR')).toBe(1000);
    expect(read('2,25', 'fr-FR')).toBe(2.25);
    expect(read('1.000', 'fr-FR')).toBe(`"1.000" is not a number in French (France): spaces group thousands in threes and "," is the decimal separator, as in 1${NNBSP}234,5`);
    expect(read('1 00', 'fr-FR')).toMatch(/is not a number in French/);
  });

  it('groups for display as the locale writes', () => {
    expect(groupedText(12500.5, 'en-US')).toBe('12,500.5');
    expect(groupedText(12500.5, 'de-DE')).toBe('12.500,5');
    expect(groupedText(12500.5, 'fr-FR')).toBe(`12${NNBSP}500,5`);
  });
});

describe('the locale the pane reads and writes numbers in', () => {
  afterEach(() => delete (globalThis as { Office?: unknown }).Office);
  it("is Office's display language in Excel, the browser's elsewhere", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: 'de-DE' } };
    expect(paneLocale('excel')).toBe('de-DE');
    expect(paneLocale('playground')).toBe(navigator.languages?.[0] ?? navigator.language);
    delete (globalThis as { Office?: unknown }).Office;
    expect(paneLocale('excel')).toBe(navigator.languages?.[0] ?? navigator.language);
  });
});

describe('a number box', () => {
  const bands = EDITORS.bands.create('Profit band') as BandsType;

  it('en-US: "1,000" as a band bound is a thousand, and the box shows grouped numbers', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={bands} onValue={(t) => (last = t)} />, 'en-US');
    const box = screen.getByRole('textbox', { name: 'High: from profit (included)' }) as HTMLInputElement;
    expect(box.value).toBe('2,000');
    fireEvent.focus(box);
    fireEvent.change(box, { target: { value: '2500' } });
    expect((last as BandsType).bands[3].min).toBe(2500);
    fireEvent.blur(box);
    expect(box.value).toBe('2,500');
    fireEvent.change(box, { target: { value: '1,000' } });
    expect((last as BandsType).bands[3].min).toBe(1000);
    // Mid, linked to High, ends there too.
    expect((last as BandsType).bands[2].max).toBe(1000);
  });

  it('de-DE: "1.000" is a thousand, and "1.5" is refused: the linked boundary does not move', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={bands} onValue={(t) => (last = t)} />, 'de-DE');
    const box = screen.getByRole('textbox', { name: 'High: from profit (included)' }) as HTMLInputElement;
    expect(box.value).toBe('2.000');
    fireEvent.change(box, { target: { value: '1.000' } });
    expect((last as BandsType).bands[3].min).toBe(1000);
    expect((last as BandsType).bands[2].max).toBe(1000);
    fireEvent.change(box, { target: { value: '1.5' } });
    expect(box.value).toBe('1.5');
    expect(screen.getByText(/^"1.5" is not a number in German/)).toBeTruthy();
    expect((last as BandsType).bands[3].min).toBe(1000);
    expect((last as BandsType).bands[2].max).toBe(1000);
  });

  it('fr-FR: shows a narrow no-break space and reads a typed space', () => {
    let value: number | undefined = 12500;
    renderPane(<NumberField label="Minimum" value={value} issues={[]} onChange={(v) => (value = v)} />, 'fr-FR');
    const box = screen.getByRole('textbox', { name: 'Minimum' }) as HTMLInputElement;
    expect(box.value).toBe(`12${NNBSP}500`);
    fireEvent.change(box, { target: { value: '3 000,5' } });
    expect(value).toBe(3000.5);
  });

  it('a year is not grouped', () => {
    renderPane(<NumberField label="Year" value={2017} grouping={false} issues={[]} onChange={() => undefined} />, 'en-US');
    expect((screen.getByRole('textbox', { name: 'Year' }) as HTMLInputElement).value).toBe('2017');
  });
});
