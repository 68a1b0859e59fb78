// Questionnaire profiles (SEMANTICS.md section 7): answers per customer -> every matching profile,
// in priority order. A child profile must also match its parent's lists, so it is never wider.
import { sourceCellAddress } from './address';
import { keyText } from './ingest';
import { isBlank } from './parse/number';
import { cached, typePath, type Prepared } from './prepared';
import type { Profile, ProfilesType } from './profiles-schema';
import { segmentInfo, type TypeResult } from './result';
import { columnNamed } from './parse/headers';
import { customerColumnOf } from './second-range';
import { summarize } from './summary';
import type { Config, SegmentType } from './config';
import type { Cell, Issue, SourceTable } from './types';

/** Whether a run reads questionnaire answers: a profiles type asks them. */
export const readsAnswers = (types: readonly SegmentType[]): boolean => types.some((t) => t.kind === 'profiles');

/** Where answers are read: the answers range when there is one, else the sales range itself. */
export function answersSource(p: Prepared): SourceTable {
  return p.sources.answers ?? p.ingested.table;
}

/** Customer ids of the answers range (prospects who never bought are customers too), blank rows skipped. */
export function answeringCustomers(answers: SourceTable, config: Config): string[] {
  const c = customerColumnOf(answers.header, config.columns.customer);
  return answers.rows.map((row) => keyText(row[c])).filter((id) => id !== '');
}

/**
 * Each customer's answer to one question (lower-cased trimmed text; '' when none). A customer with
 * several rows keeps the last non-empty answer, as with customer names.
 */
function answersTo(p: Prepared, column: number): string[] {
  return cached(p, `answers|${column}`, () => {
    const out = new Array<string>(p.measures.count).fill('');
    const rows = answerRows(p);
    const t = answersSource(p);
    for (let k = 0; k < rows.row.length; k++) {
      const v = keyText(t.rows[rows.row[k]][column]);
      if (v !== '') out[rows.customer[k]] = v.toLowerCase();
    }
    return out;
  });
}

/** Which customer each row of the answers source belongs to, found once per run whatever the number of questions. */
function answerRows(p: Prepared): { row: Int32Array; customer: Int32Array } {
  return cached(p, 'answers|rows', () => {
    if (!p.sources.answers) {
      // The sales range: its kept lines already carry their customer.
      const { lines } = p.ingested;
      return { row: lines.row, customer: lines.customer };
    }
    const t = p.sources.answers;
    const cc = customerColumnOf(t.header, p.config.columns.customer);
    const row: number[] = [];
    const customer: number[] = [];
    t.rows.forEach((cells, r) => {
      const c = p.customers.byId.get(keyText(cells[cc]));
      if (c !== undefined) {
        row.push(r);
        customer.push(c);
      }
    });
    return { row: Int32Array.from(row), customer: Int32Array.from(customer) };
  });
}

/** Rows of an answers range whose customer is blank although answers are filled in: a warning with the cell each. */
export function answersWithoutCustomer(t: SourceTable, config: Config): Issue[] {
  const cc = customerColumnOf(t.header, config.columns.customer);
  const issues: Issue[] = [];
  t.rows.forEach((row, r) => {
    if (keyText(row[cc]) === '' && row.some((v) => !isBlank(v))) {
      issues.push({ severity: 'warning', where: sourceCellAddress(t, cc, r), row: r, message: 'answers without a customer are not used: fill in the customer' });
    }
  });
  return issues;
}

/** The same, reported once per run whatever the number of profiles types. */
function blankCustomers(p: Prepared): Issue[] {
  const t = p.sources.answers;
  if (!t || p.cache.has('answers|blank')) return [];
  p.cache.set('answers|blank', true);
  return answersWithoutCustomer(t, p.config);
}

/** One condition of a profile, with its question's answers already read. */
interface Condition {
  answers: string[];
  allowed: Set<string>;
  include: boolean;
}

/** A profile and its ancestors, nearest first (the schema rejects cycles, so the chain ends). */
export function chainOf(profiles: readonly Pick<Profile, 'name' | 'parent'>[], i: number): number[] {
  const index = new Map(profiles.map((pr, k) => [pr.name.trim().toLowerCase(), k]));
  const chain = [i];
  for (let at = profiles[i].parent; at !== undefined; ) {
    const k = index.get(at.trim().toLowerCase());
    if (k === undefined || chain.includes(k)) break;
    chain.push(k);
    at = profiles[k].parent;
  }
  return chain;
}

/** Profiles by priority (lower number first; without a priority last), configuration order on ties. */
export function priorityOrder(profiles: readonly Pick<Profile, 'priority'>[]): number[] {
  return profiles.map((_, i) => i).sort((a, b) => (profiles[a].priority ?? Infinity) - (profiles[b].priority ?? Infinity) || a - b);
}

/** One question a profile asks: where (`profiles[0].include.Region`), the answers it allows, and the column answering it (-1: none). */
export interface ProfileQuestion {
  profile: number;
  include: boolean;
  /** The path below the type's own (`profiles[0].include.Region`). */
  path: string;
  question: string;
  allowed: readonly string[];
  column: number;
}

/** Every question of a profiles type, profile by profile (include, then exclude), with the column of `header` that answers it. */
export function profileQuestions(type: ProfilesType, header: readonly Cell[]): ProfileQuestion[] {
  return type.profiles.flatMap((pr, profile) =>
    ([[true, pr.include], [false, pr.exclude]] as const).flatMap(([include, lists]) =>
      Object.entries(lists).map(([question, allowed]) => ({ profile, include, path: `profiles[${profile}].${include ? 'include' : 'exclude'}.${question}`, question, allowed, column: columnNamed(header, question) })),
    ),
  );
}

/** The refusal of each question of `type` no column of the source answers; `where` is the type's path (`segmentTypes[2]`). */
function unanswered(type: ProfilesType, where: string, header: readonly Cell[], source: 'answers' | 'sales'): Issue[] {
  return profileQuestions(type, header)
    .filter((q) => q.column < 0)
    .map((q) => ({
      severity: 'error',
      where: `${where}.${q.path}`,
      message: `the ${source} range has no column headed "${q.question}"; its columns: ${header.filter((h) => !isBlank(h)).join(', ')}`,
    }));
}

/**
 * The engine's refusal of the questions of a profiles type (`index` in the configuration) no column of
 * the source answers (`source`: the answers range, or the sales range when there is none). The DuckDB
 * path says it too, before it reads the lines. None for the other kinds.
 */
export function unansweredQuestions(type: SegmentType, index: number, header: readonly Cell[], source: 'answers' | 'sales'): Issue[] {
  return type.kind === 'profiles' ? unanswered(type, `segmentTypes[${index}]`, header, source) : [];
}

export function classifyProfiles(p: Prepared, type: ProfilesType): TypeResult {
  const n = p.measures.count;
  const where = typePath(p, type.name);
  const source = answersSource(p);
  const issues: Issue[] = [...blankCustomers(p), ...unanswered(type, where, source.header, p.sources.answers ? 'answers' : 'sales')];
  const asked = profileQuestions(type, source.header).filter((q) => q.column >= 0);
  const conditionsOf = (i: number): Condition[] =>
    asked.filter((q) => q.profile === i).map((q) => ({ answers: answersTo(p, q.column), allowed: new Set(q.allowed.map((a) => a.toLowerCase())), include: q.include }));
  const own = type.profiles.map((_, i) => conditionsOf(i));
  const rules = type.profiles.map((_, i) => chainOf(type.profiles, i).flatMap((k) => own[k]));
  const order = priorityOrder(type.profiles);
  // `exclude` of a profile is its excluded answers, not ABC's "never assigned".
  const segments = type.profiles.map((pr) => segmentInfo({ ...pr, exclude: false }));
  const final = new Int32Array(n).fill(-1);
  const text = new Array<string>(n).fill('');
  if (issues.some((i) => i.severity === 'error')) {
    return { type, segments, measureName: 'sales', measure: p.measures.sales, auto: final, final, extraColumns: [], summary: summarize(segments, final, p.measures.sales, p.measures), issues };
  }
  const matched: string[] = [];
  for (let c = 0; c < n; c++) {
    matched.length = 0;
    for (const i of order) {
      if (rules[i].every((cond) => cond.allowed.has(cond.answers[c]) === cond.include)) {
        if (final[c] < 0) final[c] = i;
        matched.push(type.profiles[i].name);
      }
    }
    text[c] = matched.join('; ');
  }
  return {
    type,
    segments,
    measureName: 'sales',
    measure: p.measures.sales,
    auto: final,
    final,
    extraColumns: [{ header: `${type.name} (profiles)`, format: 'text', values: text }],
    summary: summarize(segments, final, p.measures.sales, p.measures),
    issues,
  };
}
