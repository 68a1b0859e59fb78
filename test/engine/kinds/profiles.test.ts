// Questionnaire profiles (SEMANTICS.md section 7) with the Tiny trade-fair example.
import { parseConfig } from '../../../src/engine/config';
import type { Cell } from '../../../src/engine/types';
import { table } from '../../support/tables';
import { column, issueTexts, run } from './support';

const QUESTIONS = ['Customer', 'Journalist', 'Industry sector', 'Number of staff', 'Job function', 'Specification ready', 'Implementation budget'];
const ANSWERS: Cell[][] = [
  // A large service company, decision-maker: the large-services profile and its narrower child.
  ['acme', 'No', 'Services', '101-500', 'Decision-maker', 'Yes', '>300k'],
  // Services, budget unknown, specification ready, not a decision-maker: the parent only.
  ['bolt', 'No', 'Services', '21-50', 'Not decision-maker', 'Yes', 'Unknown'],
  // A decision-maker in IT: the child's own list holds, but the parent's does not, so neither.
  ['cogs', 'No', 'IT', '500+', 'Decision-maker', 'Yes', '>300k'],
  // Services and a decision-maker, but the specification is only "Soon": neither.
  ['dune', 'No', 'Services', '51-100', 'Decision-maker', 'Soon', '100k-300k'],
  // A journalist who never bought (a prospect from the fair): only the press profile. Answers in lower case.
  ['echo', 'yes', 'Others', '1', 'Not decision-maker', 'no', 'unknown'],
];
const SALES_H = ['Customer', 'Sales'];
const SALES: Cell[][] = [['acme', 500], ['bolt', 300], ['cogs', 900], ['dune', 50], ['fern', 10]];

const tiny = (extra: Record<string, unknown>[] = []) => ({
  name: 'Profile',
  kind: 'profiles' as const,
  profiles: [
    {
      name: 'Large services',
      include: { 'Implementation budget': ['Unknown', '100k-300k', '>300k'], 'Specification ready': ['Yes'], 'Industry sector': ['Services'] },
      exclude: { Journalist: ['Yes'] },
      priority: 2,
    },
    { name: 'Large services, decision-maker', parent: 'Large services', include: { 'Job function': ['Decision-maker'] }, priority: 1 },
    { name: 'Press', include: { Journalist: ['Yes'] }, priority: 3 },
    ...extra,
  ],
});

const answers = table(QUESTIONS, ANSWERS, 'Answers');

describe('profiles', () => {
  test('every matching profile, by priority; a child profile is narrower than its parent', () => {
    const r = run(SALES_H, SALES, { segmentTypes: [tiny()] }, { sources: { answers } });
    expect(column(r, 'Profile (profiles)')).toEqual({
      acme: 'Large services, decision-maker; Large services',
      bolt: 'Large services',
      cogs: '',
      dune: '',
      // Answers compare as trimmed text, ignoring case: "yes" is "Yes".
      echo: 'Press',
      // fern bought but answered nothing.
      fern: '',
    });
    // The segment column holds the first profile in priority order.
    expect(column(r, 'Profile')).toEqual({ acme: 'Large services, decision-maker', bolt: 'Large services', cogs: '', dune: '', echo: 'Press', fern: '' });
    // echo is a prospect: no sales, but in the tiers table.
    expect(column(r, 'Sales').echo).toBe(0);
  });

  test('the child alone would be wider: its parent is what keeps cogs out', () => {
    const orphan = tiny();
    orphan.profiles[1] = { ...orphan.profiles[1], parent: undefined } as (typeof orphan.profiles)[number];
    const r = run(SALES_H, SALES, { segmentTypes: [orphan] }, { sources: { answers } });
    expect(column(r, 'Profile (profiles)').cogs).toBe('Large services, decision-maker');
    expect(column(r, 'Profile (profiles)').dune).toBe('Large services, decision-maker');
  });

  test('excluded answers: none may be present', () => {
    // The Journalist exclusion keeps a journalist out of large services even with every other answer right.
    const r = run(SALES_H, SALES, { segmentTypes: [tiny()] }, { sources: { answers: table(QUESTIONS, [['acme', 'Yes', 'Services', '101-500', 'Decision-maker', 'Yes', '>300k']], 'Answers') } });
    expect(column(r, 'Profile (profiles)').acme).toBe('Press');
  });

  test('without an answers range, the answers are read from the sales range (last non-empty value per customer)', () => {
    const r = run(
      ['Customer', 'Sales', 'Segment'],
      [['a', 1, 'Consumer'], ['a', 2, ''], ['b', 3, 'Consumer'], ['b', 4, 'Corporate']],
      { segmentTypes: [{ name: 'P', kind: 'profiles', profiles: [{ name: 'Corporate', include: { Segment: ['Corporate'] } }] }] },
    );
    expect(column(r, 'P')).toEqual({ a: '', b: 'Corporate' });
  });

  test('a question the answers range does not have is an error with its path', () => {
    const r = run(SALES_H, SALES, { segmentTypes: [tiny([{ name: 'Big', include: { Employees: ['500+'] } }])] }, { sources: { answers } });
    expect(issueTexts(r)).toContainEqual(expect.stringMatching(/^segmentTypes\[0\]\.profiles\[3\]\.include\.Employees: the answers range has no column headed "Employees"/));
  });

  test('parents that go round in a circle, and a parent that does not exist, are rejected with their paths', () => {
    const r = parseConfig({
      version: 1,
      segmentTypes: [
        {
          name: 'Profile',
          kind: 'profiles',
          profiles: [
            { name: 'A', parent: 'B' },
            { name: 'B', parent: 'A' },
            { name: 'C', parent: 'Nobody' },
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => `${i.where}: ${i.message}`)).toEqual([
      'segmentTypes[0].profiles[0].parent: the parents go round in a circle: A -> B -> A',
      'segmentTypes[0].profiles[1].parent: the parents go round in a circle: B -> A -> B',
      'segmentTypes[0].profiles[2].parent: no profile is named "Nobody"',
    ]);
  });
});
