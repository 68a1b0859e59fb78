// Where an unclosed quote opens, worked by hand on small files.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvParsing } from '../../../src/hosts/files/read';
import { unclosedQuoteLine } from '../../../src/hosts/files/open-quote';

describe('unclosedQuoteLine', () => {
  it('names the line where the quote opens, not the last line of the file', () => {
    // Line 3 opens "Smith, and nothing closes it; lines 4 and 5 follow.
    const text = 'Customer,Sales\r\nC1,10\r\n"Smith,20\r\nC3,30\r\nC4,40\r\n';
    expect(unclosedQuoteLine(text, ',')).toBe(3);
  });

  it('closed quotes, doubled quotes, line breaks inside quotes and quotes inside a field are no unclosed quote', () => {
    expect(unclosedQuoteLine('a,"b, ""c"""\n"multi\nline",2\nx"y,3\n', ',')).toBeUndefined();
    // After a quoted field over two lines (2 and 3), the unclosed one opens on line 4.
    expect(unclosedQuoteLine('h,v\n"two\nlines",1\n"open,2\n', ',')).toBe(4);
  });

  it('a quote after a semicolon or a tab opens a field in those files, and lone CRs end lines', () => {
    expect(unclosedQuoteLine('h;v\r"x;1\r', ';')).toBe(2);
    expect(unclosedQuoteLine('h\tv\n1\t"x\n', '\t')).toBe(2);
    // Line breaks of another kind than the file's first are characters of a field to csv-parse, and
    // still lines to an editor: LF first, then a CRLF on line 2, the quote opens on line 3.
    expect(unclosedQuoteLine('h,v\nC1,1\r\n"open,2\n', ',')).toBe(3);
    expect(unclosedQuoteLine('h,v\r\nC1,1\r\nC2,2\n\r\n"open\r\n', ',')).toBe(5);
    // Within a comma file, a quote after a semicolon is a character: nothing opens.
    expect(unclosedQuoteLine('h,v\n1;"x,2\n', ',')).toBeUndefined();
  });

  it('agrees with csv-parse: it finds a line exactly when csv-parse refuses the file for an unclosed quote', () => {
    const piece = fc.constantFrom('a', '1', ',', '"', '""', '\n', '\r\n', '\r', ' ');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        let refused = false;
        try {
          parse(text, csvParsing(',', text));
        } catch (e) {
          refused = (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';
        }
        expect(unclosedQuoteLine(text, ',') !== undefined).toBe(refused);
      }),
      { numRuns: 500 },
    );
  });
});
