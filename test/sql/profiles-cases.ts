// Questionnaire profiles compiled to SQL: a hand-made sales table and answers table whose profiles were
// worked out by hand, and a generated answers table for the Superstore sample (deterministic: derived from
// the customer ids), with the configurations both are checked with.
import type { Config, ConfigInput } from '../../src/engine/config';
import type { Cell } from '../../src/engine/types';
import { compileSql, type SqlDialectName } from '../../src/sql/compile';
import { ABC_80_15_5 } from '../support/tables';
import { NASTY, SUPERSTORE_COLUMNS } from './cases';

/** A question holding quotes, a backslash and `--` in its header, and an answer holding them too. */
export const NASTY_QUESTION = `Q ${NASTY}`;

/**
 * The profiles every test here uses: a parent and its child (the child first, by priority), an include
 * list with an exclude list, a profile whose name, question and answer hold NASTY (matched ignoring case,
 * as the engine compares answers), and a profile with only an exclude list (a customer without an answer
 * meets it). The last two have no priority: they come after the others, in the configuration's order.
 */
type ProfileInput = { name: string; parent?: string; include?: Record<string, string[]>; exclude?: Record<string, string[]>; priority?: number };

export const profilesType = (question = NASTY_QUESTION, name = 'Profile'): { name: string; kind: 'profiles'; profiles: ProfileInput[] } => ({
  name,
  kind: 'profiles' as const,
  profiles: [
    { name: 'Corporate', include: { Segment: ['Corporate'] }, priority: 2 },
    { name: 'Corporate West', parent: 'Corporate', include: { Region: ['West'] }, priority: 1 },
    { name: 'Private', include: { Segment: ['Consumer', 'Home Office'] }, exclude: { Region: ['Central'] }, priority: 3 },
    { name: `Nasty ${NASTY}`, include: { [question]: [`a ${NASTY}`] } },
    { name: 'Not West', exclude: { Region: ['West'] } },
  ],
});

export const HAND_SALES_HEADER = ['Line', 'Customer', 'Name', 'Date', 'Amount'];
export const HAND_SALES_ROWS: Cell[][] = [
  [1, 'P1', 'Pat', '2017-01-01', 10],
  [2, 'P2', 'Pam', '2017-01-02', 20],
  [3, 'P3', 'Pia', '2017-01-03', 30],
  [4, 'P4', 'Per', '2017-01-04', 40],
];

export const HAND_ANSWERS_HEADER = ['Row', 'Customer', 'Segment', 'Region', NASTY_QUESTION];
export const HAND_ANSWERS_ROWS: Cell[][] = [
  [1, 'P1', 'Corporate', 'West', 'yes'],
  [2, 'P2', 'Corporate', 'East', ''],
  [3, 'Z9', 'Consumer', 'Central', ''],
  [4, 'P3', 'Corporate', 'Central', ''],
  [5, 'P2', 'Consumer', '', ''],
  [6, ' P1 ', '', '', ''],
  [7, 'P5', 'consumer', ' West ', `A ${NASTY}`],
  [8, 'P6', '', '', ''],
  [9, '', 'Consumer', 'West', ''],
];

/** ABC with two overrides (OV1 has no line; P6 has no line and answers too), then the profiles. */
export const HAND_PROFILES_CONFIG: Partial<ConfigInput> = {
  columns: { customer: 'Customer', customerName: 'Name', date: 'Date', amount: 'Amount' },
  segmentTypes: [ABC_80_15_5, profilesType()],
  overrides: { 'Sales ABC': { OV1: 'B', P6: 'A' } },
};

/**
 * Worked by hand. Answers, the last non-empty one per question in the rows' order (row 6, P1 with nothing,
 * changes nothing; row 9 has no customer):
 *   P1 corporate / west / yes: Corporate West (priority 1) and Corporate (2, its parent).
 *   P2 answered Segment twice, Corporate (row 2) then Consumer (row 5), and East: Private, Not West.
 *   P3 corporate / central: Corporate, Not West.
 *   P4, OV1, P6: no answers: only Not West (an exclude list holds no '').
 *   Z9 consumer / central: Private excludes Central, so only Not West.
 *   P5 consumer / west (trimmed) / `A NASTY` (matched ignoring case): Private, then Nasty (no priority).
 * Without the order column, P2's Segment is the greatest of its answers, Corporate ('Cor' > 'Con'):
 * Corporate (its Region, East, is not West), Not West.
 * The customers: those of the lines (P1-P4), then those named only in overrides (OV1, P6), then those only
 * in the answers in the order of their first row (Z9 on row 3, P5 on row 7; P6 is already listed).
 */
export const HAND_PROFILES_EXPECTED: Record<string, [string, string]> = {
  P1: ['Corporate West', 'Corporate West; Corporate'],
  P2: ['Private', 'Private; Not West'],
  P3: ['Corporate', 'Corporate; Not West'],
  P4: ['Not West', 'Not West'],
  OV1: ['Not West', 'Not West'],
  P6: ['Not West', 'Not West'],
  Z9: ['Not West', 'Not West'],
  P5: ['Private', `Private; Nasty ${NASTY}`],
};
export const HAND_PROFILES_UNORDERED_P2: [string, string] = ['Corporate', 'Corporate; Not West'];
export const HAND_PROFILES_ORDER = ['P1', 'P2', 'P3', 'P4', 'OV1', 'P6', 'Z9', 'P5'];

export const SUPERSTORE_ANSWERS_HEADER = ['Answer No', 'Customer ID', 'Segment', 'Region', 'Channel', NASTY_QUESTION];

/**
 * Answers for Superstore's customers, derived from their ids (the same every run): a small hash picks
 * the answers; about one customer in five has none, one in four answers twice (the second time
 * differently, sometimes blank), and twenty prospects who never bought answer too. The rows are numbered
 * in a shuffled order (also from the hash), which is the order the engine reads them in.
 */
/** A stable number per text (FNV-1a), so generated tables derive from the customer ids alone. */
export const hash = (s: string): number => {
  let h = 2166136261;
  for (const ch of s) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
};

export function superstoreAnswers(customerIds: readonly string[]): Cell[][] {
  const pick = <T>(xs: readonly T[], h: number) => xs[h % xs.length];
  const segments = ['Corporate', 'Consumer', 'Home Office', ' corporate ', ''];
  const regions = ['West', 'East', 'Central', 'South', 'west', ''];
  const channels = ['Web', 'Store', 'Phone', ''];
  const nasty = [`A ${NASTY}`, `a ${NASTY}`, 'no', ''];
  const ids = [...customerIds, ...Array.from({ length: 20 }, (_, i) => `PROSPECT-${i + 1}`)];
  const rows: { key: number; cells: Cell[] }[] = [];
  for (const id of ids) {
    const h = hash(id);
    if (h % 5 === 0) continue;
    const answer = (salt: number): Cell[] => {
      const g = hash(`${id}#${salt}`);
      return [id, pick(segments, g), pick(regions, g >>> 3), pick(channels, g >>> 7), pick(nasty, g >>> 11)];
    };
    rows.push({ key: hash(`${id}/1`), cells: answer(1) });
    if (h % 4 === 1) rows.push({ key: hash(`${id}/2`), cells: answer(2) });
  }
  rows.sort((a, b) => a.key - b.key);
  return rows.map((r, i) => [i + 1, ...r.cells]);
}

/** The Superstore case: ABC with an override for a prospect, and the profiles (with a channel question). */
export const superstoreProfilesConfig = (question = NASTY_QUESTION, name = 'Profile'): Partial<ConfigInput> => {
  const type = profilesType(question, name);
  return {
    columns: SUPERSTORE_COLUMNS,
    window: { kind: 'rolling', months: 12 },
    segmentTypes: [
      ABC_80_15_5,
      { ...type, profiles: [...type.profiles, { name: 'Web shopper', parent: 'Private', include: { Channel: ['web'] }, exclude: { Segment: ['Home Office'] }, priority: 3 }] },
    ],
    overrides: { 'Sales ABC': { 'PROSPECT-3': 'A', 'OVERRIDE-ONLY': 'B' } },
  };
};

/**
 * Without an answers table: the profiles ask the sales lines' own columns (Segment, Region, and Ship Mode
 * for the profile whose name and answer hold NASTY), as the engine does without an answers range.
 */
export const superstoreSalesProfilesConfig = (): Partial<ConfigInput> => ({
  columns: SUPERSTORE_COLUMNS,
  window: { kind: 'rolling', months: 12 },
  segmentTypes: [ABC_80_15_5, profilesType('Ship Mode')],
});

/** A table the query reads: its name, its header and the column numbering its rows, if any. */
export interface TableAt {
  table: string;
  header: string[];
  order?: string;
}

/** The query for a sales table and an answers table, each with its order column when given. */
export function compiledProfiles(dialect: SqlDialectName, c: Config, sales: TableAt, answers: TableAt): string {
  const r = compileSql(c, {
    dialect,
    table: sales.table,
    columns: { header: sales.header, lineOrder: sales.order },
    answersTable: answers.table,
    answersColumns: { header: answers.header, lineOrder: answers.order },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.sql;
}
