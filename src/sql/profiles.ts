// Questionnaire profiles (SEMANTICS.md 7) as SQL: each customer's answer per question from the answers
// table, then every profile whose include and exclude lists (its own and its ancestors') the answers meet,
// in priority order: the first is the segment, all of them the `(profiles)` column (`A; B`).
//
// The engine keeps the last non-empty answer of a customer to a question, in the answers range's order.
// A table has no order: with an order column it is the last by that column (the engine's answer); without
// one, the greatest non-empty answer (MAX of the trimmed text), which differs only for a customer who
// answered the same question twice, differently (docs/sql.md).
import type { Config } from '../engine/config';
import { columnNamed } from '../engine/parse/headers';
import { chainOf, priorityOrder } from '../engine/profiles';
import type { ProfilesType } from '../engine/profiles-schema';
import { customerColumnOf } from '../engine/second-range';
import { tableName, type Dialect } from './dialect';
import { keyTextSql, type Cte } from './lines';
import { listSql, type KindContext, type KindSql } from './measures';

/** The answers table as the profiles types read it. */
export interface AnswersSql {
  /** tw_answer_rows (every row, keyed) and tw_answers (one row per customer: cust, first_seq, q1, q2, ... lower-cased). */
  ctes: Cte[];
  /** The CTE of the answering customers (cust, first_seq), who join the customer list after those named in overrides. */
  customers: string;
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
  return [...new Set([...(config.columns.customer !== undefined ? [config.columns.customer] : []), ...questions(config)])];
}

/**
 * The answers' CTEs, or undefined when no profiles type reads them or no answers table is named (the
 * profiles types then say so). A question no column is headed by is a problem, at the engine's path.
 */
export function answersSql(d: Dialect, config: Config, options: AnswersOptions | undefined, problems: { path: string; message: string }[]): AnswersSql | undefined {
  const types = profilesTypes(config);
  if (types.length === 0 || options === undefined) return undefined;
  const header = options.header ?? configuredAnswerColumns(config);
  if (header.length === 0) {
    problems.push({ path: 'answersColumns', message: 'the answers table has no columns: name them (--answers-columns or --answers-headers-from)' });
    return undefined;
  }
  if (options.order !== undefined && !header.includes(options.order)) problems.push({ path: 'answersOrder', message: `the answers table has no column headed "${options.order}"` });
  // One column of tw_answers per column of the table a question names (two spellings of a header share it).
  const aliases = new Map<number, string>();
  types.forEach((t) => {
    const where = `segmentTypes[${config.segmentTypes.indexOf(t)}]`;
    t.profiles.forEach((p, i) => {
      for (const [kind, lists] of [['include', p.include], ['exclude', p.exclude]] as const) {
        for (const question of Object.keys(lists)) {
          const c = columnNamed(header, question);
          if (c < 0) {
            problems.push({
              path: `${where}.profiles[${i}].${kind}.${question}`,
              message: `the answers table has no column headed "${question}"; its columns: ${header.filter((h) => h.trim() !== '').join(', ')}`,
            });
          } else if (!aliases.has(c)) aliases.set(c, `q${aliases.size + 1}`);
        }
      }
    });
  });
  const cust = header[customerColumnOf(header, config.columns.customer)];
  const columns = [...aliases].map(([c, alias]) => ({ alias, expr: keyTextSql(d, d.ident(header[c])) }));
  const ordered = options.order !== undefined;
  const rows = `SELECT
    ${keyTextSql(d, d.ident(cust))} AS cust,
    ${ordered ? d.ident(options.order!) : `CAST(NULL AS ${d.integer})`} AS seq${columns.map((c) => `,\n    ${c.expr} AS ${c.alias}`).join('')}
  FROM ${tableName(d, options.table)}`;
  // The last non-empty answer by the order column (rows without an order last); else the greatest.
  const picks = `SELECT r.*${columns.map((c) => `,\n      ROW_NUMBER() OVER (PARTITION BY r.cust ORDER BY CASE WHEN r.${c.alias} <> '' THEN 0 ELSE 1 END, CASE WHEN r.seq IS NULL THEN 1 ELSE 0 END, r.seq DESC, r.${c.alias} DESC) AS ${c.alias}_pick`).join('')}
    FROM tw_answer_rows r WHERE r.cust <> ''`;
  const answer = (alias: string) => (ordered ? `LOWER(MAX(CASE WHEN ${alias}_pick = 1 THEN ${alias} END))` : `LOWER(MAX(${alias}))`);
  const perCustomer = `SELECT cust, MIN(seq) AS first_seq${columns.map((c) => `, ${answer(c.alias)} AS ${c.alias}`).join('')}
    FROM ${ordered ? 'tw_answer_picks' : 'tw_answer_rows WHERE cust <> \'\''} GROUP BY cust`;
  return {
    ctes: [
      { name: 'tw_answer_rows', sql: rows },
      ...(ordered ? [{ name: 'tw_answer_picks', sql: picks }] : []),
      { name: 'tw_answers', sql: perCustomer, materialize: true },
    ],
    customers: 'tw_answers',
    column: (question) => {
      const c = columnNamed(header, question);
      return c < 0 ? undefined : aliases.get(c);
    },
  };
}

export const NO_ANSWERS_TABLE = 'profiles read the questionnaire answers from a table of their own: name it (tierwise sql --answers-table NAME, SqlOptions.answersTable)';

export function profilesSql(type: ProfilesType, k: KindContext): KindSql | string {
  const { d, prefix: p, answers } = k;
  if (answers === undefined) return NO_ANSWERS_TABLE;
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
