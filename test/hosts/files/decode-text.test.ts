// decodeText reads plain "CSV" from Excel for Windows as Windows-1252, through iconv-lite: Node's own
// TextDecoder('windows-1252') gives the control characters U+0080-U+009F for the bytes 0x80-0x9F from
// Node 20.18.3 and 22.13 on (nodejs/node#56542, #60888), which lost every euro sign and typographic quote.
import { decodeText } from '../../../src/hosts/files/read';

/** The bytes 0x80-0x9F and the characters Windows-1252 gives them (the code page's table, byte by byte). */
const DEFINED: [number, string][] = [
  [0x80, '€'],
  [0x82, '‚'],
  [0x83, 'ƒ'],
  [0x84, '„'],
  [0x85, '…'],
  [0x86, '†'],
  [0x87, '‡'],
  [0x88, 'ˆ'],
  [0x89, '‰'],
  [0x8a, 'Š'],
  [0x8b, '‹'],
  [0x8c, 'Œ'],
  [0x8e, 'Ž'],
  [0x91, '‘'],
  [0x92, '’'],
  [0x93, '“'],
  [0x94, '”'],
  [0x95, '•'],
  [0x96, '–'],
  [0x97, '—'],
  [0x98, '˜'],
  [0x99, '™'],
  [0x9a, 'š'],
  [0x9b, '›'],
  [0x9c, 'œ'],
  [0x9e, 'ž'],
  [0x9f, 'Ÿ'],
];
/** The five bytes Windows-1252 leaves undefined. */
const UNDEFINED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

/** `bytes` after `Müller;`, so the file is no valid UTF-8 (0xFC alone) and is read as Windows-1252. */
const w1252 = (...bytes: number[]) => decodeText(Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, ...bytes]));

describe('decodeText on a file that is no UTF-8 (Windows-1252)', () => {
  it.each(DEFINED.map(([byte, char]) => [byte.toString(16).toUpperCase(), char, byte] as const))('reads the byte 0x%s as %s', (_, char, byte) => {
    expect(w1252(byte)).toBe(`Müller;${char}`);
  });

  it('reads every byte 0x80-0x9F at once, none of them as a control character', () => {
    const text = w1252(...Array.from({ length: 32 }, (_, i) => 0x80 + i)).slice('Müller;'.length);
    expect(text).toBe('€\uFFFD‚ƒ„…†‡ˆ‰Š‹Œ\uFFFDŽ\uFFFD\uFFFD‘’“”•–—˜™š›œ\uFFFDžŸ');
    expect(text).not.toMatch(/[\u0080-\u009F]/);
  });

  // iconv-lite's table has U+FFFD (the replacement character) for them; WHATWG's decoder would give the
  // control characters U+0081, U+008D, U+008F, U+0090, U+009D. Excel writes none of them.
  it.each(UNDEFINED.map((byte) => [byte.toString(16).toUpperCase(), byte] as const))('reads the undefined byte 0x%s as U+FFFD, as iconv-lite does', (_, byte) => {
    expect(w1252(byte)).toBe('Müller;\uFFFD');
  });

  it('reads 0xA0-0xFF as Latin-1: a non-breaking space, ü, é, ß, and the rest one for one', () => {
    expect(w1252(0xa0, 0xfc, 0xe9, 0xdf)).toBe('Müller;\u00A0üéß');
    const high = Array.from({ length: 0x60 }, (_, i) => 0xa0 + i);
    expect(w1252(...high)).toBe(`Müller;${String.fromCharCode(...high)}`);
  });

  it('reads a line of a European export whole: 1.234,56 € and – „Nord“', () => {
    // "1;Müller – „Nord“ €;1.234,56 €\r\n" as Excel for Windows saves it.
    const bytes = [0x31, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x96, 0x20, 0x84, 0x4e, 0x6f, 0x72, 0x64, 0x93, 0x20, 0x80, 0x3b];
    const amount = [...Buffer.from('1.234,56 ', 'latin1'), 0x80, 0x0d, 0x0a];
    expect(decodeText(Uint8Array.from([...bytes, ...amount]))).toBe('1;Müller – „Nord“ €;1.234,56 €\r\n');
  });
});

describe('decodeText on UTF-8 and UTF-16 (unchanged)', () => {
  it('reads UTF-8 with and without its byte order mark', () => {
    const utf8 = Buffer.from('Müller – „Nord“ €', 'utf8');
    expect(decodeText(utf8)).toBe('Müller – „Nord“ €');
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]))).toBe('Müller – „Nord“ €');
  });

  it('reads UTF-16 by its byte order mark, little and big endian', () => {
    const le = Buffer.from('Müller – €', 'utf16le');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toBe('Müller – €');
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]))).toBe('Müller – €');
  });
});
