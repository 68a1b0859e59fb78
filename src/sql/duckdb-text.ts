// The engine's rules for text, as DuckDB expressions over a column (plain data in, SQL text out): trim
// as String.prototype.trim() trims, blank as isBlank says, an Excel error value, and the shapes of
// numbers and days that DuckDB's cast reads exactly as the engine does (the rest goes to the engine's
// own parsers, duckdb-ingest.ts). Each is held to the engine's rule by a test.
import { EXCEL_ERRORS, type DecimalSeparator } from '../engine/parse/number';
import { sqlText } from './duckdb-source';

/** JavaScript's String.prototype.trim() set, for DuckDB's trim(s, characters): the engine compares trimmed text. */
const JS_SPACES = '\t\n\u000b\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
/** The same set as a pattern class (RE2), for the test that guards the trim: trim with a long set is slow (4 s a million cells). */
const SPACE_CLASS = '[\\t-\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]';
/**
 * Text that may have a space at either end, by tests far cheaper than the pattern (a third of its 40 ns
 * a cell): it starts below `!` (a control character, a space, or nothing: DuckDB compares bytes), holds
 * a character beyond ASCII (more bytes than characters, so any of the Unicode spaces), or ends with one
 * of ASCII's six. Every other text is ASCII from a printable first character to a last one that is no
 * space, and needs no trim. Only the few that pass go through the pattern.
 */
const maybeSpaced = (expr: string) =>
  `(${expr} < '!' OR strlen(${expr}) <> length(${expr}) OR ${[32, 9, 10, 11, 12, 13].map((c) => `ends_with(${expr}, chr(${c}))`).join(' OR ')})`;
/** `expr` as String.prototype.trim() gives it (test/sql/duckdb-text.test.ts holds them equal). */
export const trimmedSql = (expr: string) =>
  `CASE WHEN ${maybeSpaced(expr)} AND regexp_matches(${expr}, '^${SPACE_CLASS}|${SPACE_CLASS}$') THEN trim(${expr}, ${sqlText(JS_SPACES)}) ELSE ${expr} END`;
/**
 * Whether `expr` is blank as the engine's isBlank says (NULL, '', or nothing but isSpaceCode's spaces,
 * a set a little narrower than trim()'s; test/sql/duckdb-text.test.ts holds them equal).
 */
export const blankSql = (expr: string) => `coalesce(regexp_full_match(${expr}, '[\\t-\\r \\x{A0}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}]*'), true)`;
/**
 * `expr` with a field written `="00123"` read as the text inside, its doubled quotes single, as the
 * engine's CSV reader has it (formulaText; test/sql/duckdb-text.test.ts holds them equal); other text as it is.
 */
export const formulaTextSql = (expr: string) =>
  `CASE WHEN regexp_full_match(${expr}, '="(?:[^"]|"")*"') THEN replace(${expr}[3:-2], '""', '"') ELSE ${expr} END`;
/** An Excel error value (`#N/A`) in trimmed text (the keys): one pattern, tried only on text holding a `#`. */
const ERROR_PATTERN = sqlText(`^(${EXCEL_ERRORS.map((e) => e.replace(/[.*+?^${}()|[\]\\/!#]/g, (c) => `\\${c}`)).join('|')})$`);
/**
 * A CASE, not an AND: DuckDB works out both sides of an AND in a select list for every line, the pattern
 * included (0.1 s a million lines for three columns); a CASE tries it on the lines holding a `#` only.
 * False for NULL.
 */
export const isError = (text: string) => `(CASE WHEN contains(${text}, '#') THEN regexp_full_match(${text}, ${ERROR_PATTERN}) ELSE false END)`;

/** Text the engine reads as this number and DuckDB's cast reads alike: an optional sign, digits, one separator. */
export const plainNumber = (decimal: DecimalSeparator) => `^[ \\t]*[-+]?([0-9]{1,300}(\\${decimal}[0-9]+)?|\\${decimal}[0-9]+)[ \\t]*$`;
/**
 * ISO days DuckDB's cast reads as the engine does (a day that does not exist is NULL to both). Year 0,
 * which DuckDB reads and the engine does not, is left to the engine by the pattern itself.
 */
export const ISO_DAY = `^[ \\t]*(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}[ \\t]*$`;
/**
 * Text that may be a date whose day/month order is in question (`5/3/2017`, `5. 3. 2017`): the candidates
 * for dateOrder `auto`'s evidence. A loose net on purpose: the engine's detectDateOrder, which the answer
 * goes through, keeps only what its reader takes, so any text the reader could take must pass here.
 */
export const LOCALE_DATE = `[0-9]{1,2}[/.-][^0-9]*[0-9]{1,2}[/.-][^0-9]*[0-9]{4}`;

/** Plain numbers with a point that could also be a thousand with a comma (`1.234`): no evidence either way. */
export const EITHER_NUMBER = `^[ \\t]*[-+]?[1-9][0-9]{0,2}\\.[0-9]{3}[ \\t]*$`;
