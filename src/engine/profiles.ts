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
import type { Issue, SourceTable } from './types';

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

export function classifyProfiles(p: Prepared, type: ProfilesType): TypeResult {
  const n = p.measures.count;
  const where = typePath(p, type.name);
  const source = answersSource(p);
  const issues: Issue[] = [...blankCustomers(p)];
  const conditionsOf = (i: number): Condition[] => {
    const pr = type.profiles[i];
    const out: Condition[] = [];
    for (const [include, lists] of [[true, pr.include], [false, pr.exclude]] as const) {
      for (const [question, allowed] of Object.entries(lists)) {
        const c = columnNamed(source.header, question);
        if (c < 0) {
          issues.push({
            severity: 'error',
            where: `${where}.profiles[${i}].${include ? 'include' : 'exclude'}.${question}`,
            message: `the ${p.sources.answers ? 'answers' : 'sales'} range has no column headed "${question}"; its columns: ${source.header.filter((h) => !isBlank(h)).join(', ')}`,
          });
          continue;
        }
        out.push({ answers: answersTo(p, c), allowed: new Set(allowed.map((a) => a.toLowerCase())), include });
      }
    }
    return out;
  };
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
