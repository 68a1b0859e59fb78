// Questionnaire profiles (SEMANTICS.md 7) as SQL: each customer's answer per question from the answers
// table (or, without one, from the sales lines' own columns, as the engine does), then every profile whose include and exclude lists (its own and its ancestors') the answers meet,
// in priority order: the first is the segment, all of them the `(profiles)` column (`A; B`).
//
// The engine keeps the last non-empty answer of a customer to a question, in the answers range's order.
// A table has no order: with an order column (the sales table's line order) it is the last by that column (the engine's answer); without
// one, the greatest non-empty answer (MAX of the trimmed text), which differs only for a customer who
// answered the same question twice, differently (docs/sql.md).
import type { Config } from '../engine/config';
import { columnNamed } from '../engine/parse/headers';
import { chainOf, priorityOrder, profileQuestions } from '../engine/profiles';
import type { ProfilesType } from '../engine/profiles-schema';
import { customerColumnOf } from '../engine/second-range';
import { tableName, type Dialect } from './dialect';
import { keyTextSql, type Cte } from './lines';
import { listSql, type KindContext, type KindSql } from './measures';

/** The questionnaire answers as the profiles types read them. */
export interface AnswersSql {
  /** tw_answer_rows (every row, keyed) and tw_answers (one row per customer: cust, first_seq, q1, q2, ... lower-cased). */
  ctes: Cte[];
  /**
   * Where the CTEs go: before the lines' (an answers table of its own), or after them (the sales lines
   * themselves, read from tw_kept).
   */
  afterLines: boolean;
  /** The CTE of the answering customers (cust, first_seq), who join the customer list after those named in overrides; none for the sales lines. */
  customers?: string;
  /** The column of tw_answers holding the answers to a question (found by its header as the engine finds it). */
  column(question: string): string | undefined;
}

export interface AnswersOptions {
  /** The answers table; `db.schema.table` is quoted part by part. */
  table: string;
  /** Its column names (default: the configuration's customer column and every question the profiles ask). */
  header?: readonly string[];
  /** A column numbering its rows in their original order. */
  order?: string;
}

const profilesTypes = (config: Config): ProfilesType[] => config.segmentTypes.filter((t): t is ProfilesType => t.kind === 'profiles');

/** Every question the profiles types ask, in the order of the configuration, each once. */
function questions(config: Config): string[] {
  const out = new Set<string>();
  for (const t of profilesTypes(config)) for (const p of t.profiles) for (const q of [...Object.keys(p.include), ...Object.keys(p.exclude)]) out.add(q);
  return [...out];
}

/** Without a header: the customer column the configuration names, then the questions. */
export function configuredAnswerColumns(config: Config): string[] {
  return [...new Set([...(typeof config.columns.customer === 'string' ? [config.columns.customer] : []), ...questions(config)])];
}

/**
 * The column of the answers source each question reads, by its header as the engine finds it (two
 * spellings of a header share it); a question no column is headed by is a problem, at the engine's path.
 */
function questionColumns(config: Config, header: readonly string[], source: string, problems: { path: string; message: string }[]): number[] {
  const found: number[] = [];
  config.segmentTypes.forEach((t, i) => {
    if (t.kind !== 'profiles') return;
    for (const q of profileQuestions(t, header)) {
      if (q.column < 0) problems.push({ path: `segmentTypes[${i}].${q.path}`, message: `the ${source} has no column headed "${q.question}"; its columns: ${header.filter((h) => h.trim() !== '').join(', ')}` });
      else if (!found.includes(q.column)) found.push(q.column);
    }
  });
  return found;
}

/**
 * One row per answering customer from the rows of `rows` (cust, seq, then one trimmed column per
 * question, q1, q2, ...): the last non-empty answer by seq (rows without one last) when the rows are
 * ordered, else the greatest.
 */
function perCustomerCtes(rows: string, aliases: readonly string[], ordered: boolean): Cte[] {
  const picks = `SELECT r.*${aliases.map((a) => `,\n      ROW_NUMBER() OVER (PARTITION BY r.cust ORDER BY CASE WHEN r.${a} <> '' THEN 0 ELSE 1 END, CASE WHEN r.seq IS NULL THEN 1 ELSE 0 END, r.seq DESC, r.${a} DESC) AS ${a}_pick`).join('')}
    FROM tw_answer_rows r WHERE r.cust <> ''`;
  const answer = (a: string) => (ordered ? `LOWER(MAX(CASE WHEN ${a}_pick = 1 THEN ${a} END))` : `LOWER(MAX(${a}))`);
  const perCustomer = `SELECT cust, MIN(seq) AS first_seq${aliases.map((a) => `, ${answer(a)} AS ${a}`).join('')}
    FROM ${ordered ? 'tw_answer_picks' : "tw_answer_rows WHERE cust <> ''"} GROUP BY cust`;
  return [
    { name: 'tw_answer_rows', sql: rows },
    ...(ordered ? [{ name: 'tw_answer_picks', sql: picks }] : []),
    { name: 'tw_answers', sql: perCustomer, materialize: true },
  ];
}

/**
 * The answers' CTEs from an answers table, or undefined when no profiles type reads them or no answers
 * table is named (then salesAnswersSql reads them from the sales lines).
 */
export function answersSql(d: Dialect, config: Config, options: AnswersOptions | undefined, problems: { path: string; message: string }[]): AnswersSql | undefined {
  if (profilesTypes(config).length === 0 || options === undefined) return undefined;
  const header = options.header ?? configuredAnswerColumns(config);
  if (header.length === 0) {
    problems.push({ path: 'answersColumns', message: 'the answers table has no columns: name them (--answers-columns or --answers-headers-from)' });
    return undefined;
  }
  if (options.order !== undefined && !header.includes(options.order)) problems.push({ path: 'answersOrder', message: `the answers table has no column headed "${options.order}"` });
  const found = questionColumns(config, header, 'answers table', problems);
  const alias = (c: number) => `q${found.indexOf(c) + 1}`;
  const cust = header[customerColumnOf(header, config.columns.customer)];
  const ordered = options.order !== undefined;
  const rows = `SELECT
    ${keyTextSql(d, d.ident(cust))} AS cust,
    ${ordered ? d.ident(options.order!) : `CAST(NULL AS ${d.integer})`} AS seq${found.map((c) => `,\n    ${keyTextSql(d, d.ident(header[c]))} AS ${alias(c)}`).join('')}
  FROM ${tableName(d, options.table)}`;
  return {
    ctes: perCustomerCtes(rows, found.map(alias), ordered),
    afterLines: false,
    customers: 'tw_answers',
    column: (question) => {
      const c = columnNamed(header, question);
      return c < 0 || !found.includes(c) ? undefined : alias(c);
    },
  };
}

/**
 * Without an answers table, as the engine without an answers range: the questions are columns of the
 * sales table, read on the lines the filters keep that are readable (tw_kept; their customers are the
 * lines' already), carried through as the text columns `textColumn` hands out; the last answer by the
 * line order when it is known, else the greatest.
 */
export function salesAnswersSql(config: Config, header: readonly string[], textColumn: (name: string) => string | undefined, ordered: boolean, problems: { path: string; message: string }[]): AnswersSql | undefined {
  if (profilesTypes(config).length === 0) return undefined;
  const found = questionColumns(config, header, 'sales table', problems);
  const carried = new Map(found.map((c) => [c, textColumn(header[c])!]));
  const alias = (c: number) => `q${found.indexOf(c) + 1}`;
  const rows = `SELECT cust, seq${found.map((c) => `, ${carried.get(c)} AS ${alias(c)}`).join('')} FROM tw_kept WHERE readable = 1`;
  return {
    ctes: perCustomerCtes(rows, found.map(alias), ordered),
    afterLines: true,
    column: (question) => {
      const c = columnNamed(header, question);
      return c < 0 || !found.includes(c) ? undefined : alias(c);
    },
  };
}

export function profilesSql(type: ProfilesType, k: KindContext): KindSql | string {
  const { d, prefix: p, answers } = k;
  // Only when the answers table's header is empty, a problem listed already (answersColumns).
  if (answers === undefined) return 'its answers table has no columns';
  const own = type.profiles.map((pr) =>
    ([[true, pr.include], [false, pr.exclude]] as const).flatMap(([include, lists]) =>
      Object.entries(lists).map(([question, allowed]) => {
        // The engine compares lower-cased answers; a customer without an answer has '' (which an allowed '' matches).
        const list = [...new Set(allowed.map((a) => a.toLowerCase()))].map(d.text).join(', ');
        return `COALESCE(a.${answers.column(question)}, '') ${include ? 'IN' : 'NOT IN'} (${list})`;
      }),
    ),
  );
  // A child must meet its ancestors' lists too.
  const rules = type.profiles.map((_, i) => chainOf(type.profiles, i).flatMap((j) => own[j]));
  const flags = rules.map((r, i) => `CASE WHEN ${r.length === 0 ? '1 = 1' : r.join(' AND ')} THEN 1 ELSE 0 END AS ${p}_m${i}`);
  const matched = `SELECT c.*,
      ${flags.join(',\n      ')}
    FROM ${k.from} c LEFT JOIN tw_answers a ON a.cust = c.cust`;
  const order = priorityOrder(type.profiles);
  const name = (i: number) => d.text(type.profiles[i].name);
  const segment = `CASE ${order.map((i) => `WHEN c.${p}_m${i} = 1 THEN ${name(i)}`).join(' ')} ELSE '' END`;
  // Every matching profile in priority order, joined by '; ' (the first separator cut off).
  const pieces = order.map((i) => `CASE WHEN c.${p}_m${i} = 1 THEN ${d.text(`; ${type.profiles[i].name}`)} ELSE '' END`);
  const all = listSql(pieces);
  const assigned = `SELECT c.*,
      ${segment} AS ${p}_segment,
      ${all} AS ${p}_profiles
    FROM ${p}_matched c`;
  return {
    ctes: [
      { name: `${p}_matched`, sql: matched },
      { name: p, sql: assigned },
    ],
    columns: [
      { header: type.name, expr: `c.${p}_segment` },
      { header: `${type.name} (profiles)`, expr: `COALESCE(c.${p}_profiles, '')` },
    ],
  };
}
