// Where a CSV file's unclosed quote opens. csv-parse reports the line where it gave up, the last one
// of the file, since everything after an opening quote is one field to it; the user needs the line
// where the quote opened, to close or remove it there.
import { lineBreaksMixed } from './line-breaks';

/**
 * The 1-based line of the file where a quoted field opens that is never closed, as csv-parse reads
 * quotes with `relax_quotes` (a quote opens a field only as its first character; inside a quoted field
 * `""` is a quote) and line breaks (the file's first one, CRLF, LF or CR, ends records and another kind
 * is a character of the field, unless the file mixes them: then each ends one); undefined when every
 * quoted field closes. Lines are counted as a text editor shows them: each CRLF, LF or lone CR ends
 * one, inside quoted fields too.
 */
export function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let quoted = false;
  let opened = 0;
  let fieldStart = true;
  let recordEnd: string | undefined;
  const anyBreak = lineBreaksMixed(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const crlf = c === 13 && text.charCodeAt(i + 1) === 10;
    const lineBreak = c === 10 || (c === 13 && !crlf);
    if (quoted) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) i++;
        else quoted = false;
      } else if (lineBreak) line++;
      continue;
    }
    if (c === 34 && fieldStart) {
      quoted = true;
      opened = line;
      fieldStart = false;
    } else if (c === 10 || c === 13) {
      const here = crlf ? '\r\n' : c === 13 ? '\r' : '\n';
      recordEnd ??= here;
      // A file that mixes line breaks is read with every kind ending a record (csvParsing).
      const end = anyBreak ? here : recordEnd;
      fieldStart = text.startsWith(end, i);
      // A CRLF is one line, whether it ends the record here (its LF skipped) or its LF comes next.
      if (lineBreak || (fieldStart && end === '\r\n')) line++;
      if (fieldStart) i += end.length - 1;
    } else {
      fieldStart = text.startsWith(delimiter, i);
      if (fieldStart) i += delimiter.length - 1;
    }
  }
  return quoted ? opened : undefined;
}
