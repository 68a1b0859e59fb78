import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText, defaultConfig, parseConfig, parseConfigText } from '../../src/engine/config';
import { segment } from '../../src/engine/run';

const semanticsExample = () => {
  // The example at the end of the contract (docs/SEMANTICS.md, a copy of the product's SEMANTICS.md), read from it so the two cannot drift.
  const text = readFileSync(join(__dirname, '..', '..', 'docs', 'SEMANTICS.md'), 'utf8');
  const json = /## 10\. Configuration[\s\S]*?```json\n([\s\S]*?)```/.exec(text);
  if (!json) throw new Error('SEMANTICS.md no longer has its configuration example');
  return json[1];
};

const problems = (input: unknown) => {
  const r = parseConfig(input);
  if (r.ok) throw new Error('expected the configuration to be rejected');
  return r.issues.map((i) => `${i.where}: ${i.message}`);
};

describe('configuration', () => {
  test('the example in SEMANTICS.md is accepted as written, with no warnings', () => {
    const r = parseConfigText(semanticsExample());
    expect(r.warnings).toEqual([]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.segmentTypes.map((t) => [t.name, t.kind])).toEqual([
      ['Sales ABC', 'abc'],
      ['Profit band', 'bands'],
    ]);
    expect(r.config.overrides).toEqual({ 'Sales ABC': { 'CG-12520': 'C' } });
  });

  test('the example configuration shipped with the command line is valid', () => {
    const r = parseConfigText(readFileSync(join(__dirname, '..', '..', 'examples', 'superstore.config.json'), 'utf8'));
    expect(r.ok && r.warnings).toEqual([]);
  });

  test('a column role may be null: not mapped, even where a header would be detected', () => {
    const r = parseConfig({ version: 1, columns: { quantity: null, order: 'Order ID' }, segmentTypes: [] });
    expect(r.ok && r.config.columns).toEqual({ quantity: null, order: 'Order ID' });
    expect(parseConfig({ version: 1, columns: { quantity: '' }, segmentTypes: [] }).ok).toBe(false);
  });

  test('every problem comes at once, each with its path', () => {
    const issues = problems({
      version: 1,
      window: { kind: 'rolling', months: 0 },
      filters: [{ column: 'Region' }],
      segmentTypes: [
        { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }] },
        { name: 'Profit band', kind: 'bands', bands: [{ name: 'Loss', max: 0 }, { name: 'Low', min: 0, max: 500 }, { name: 'High', min: 600 }] },
        { name: 'Oops', kind: 'pareto' },
      ],
    });
    expect(issues).toEqual([
      'window.months: a rolling window needs at least 1 month',
      'filters[0]: a filter needs exactly one of "in" (keep these values) or "notIn" (drop them)',
      'segmentTypes[0].segments: the shares of the segments add up to 95, not 100',
      'segmentTypes[1].bands[2].min: no band covers 500 to 600',
      expect.stringMatching(/^segmentTypes\[2\]\.kind: unknown segment type kind; expected one of "abc", "bands"/),
    ]);
  });

  test('plain words for a missing field and a wrong type', () => {
    expect(problems({ version: 1, segmentTypes: [{ kind: 'abc', segments: [{ name: 'A', share: '80' }] }] })).toEqual([
      'segmentTypes[0].name: is required (a string)',
      expect.stringMatching(/^segmentTypes\[0\]\.segments\[0\]\.share: .*number/),
    ]);
  });

  test('duplicate names and two defaults are reported where the second one is', () => {
    expect(
      problems({
        version: 1,
        segmentTypes: [
          { name: 'T', kind: 'abc', segments: [{ name: 'A', share: 50, default: true }, { name: 'a', share: 50, default: true }] },
        ],
      }),
    ).toEqual(['segmentTypes[0].segments[1].name: segment "a" is already used by segments[0]', 'segmentTypes[0].segments[1].default: only one segment can be the default']);
  });

  test('unknown fields are kept and reported as warnings, never dropped', () => {
    const r = parseConfig({ version: 1, colour: 'blue', segmentTypes: [{ name: 'T', kind: 'abc', note: 'x', segments: [{ name: 'A', share: 100 }] }] });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.where).sort()).toEqual(['colour', 'segmentTypes[0].note']);
    if (!r.ok) return;
    expect((r.config as Record<string, unknown>).colour).toBe('blue');
    expect((r.config.segmentTypes[0] as Record<string, unknown>).note).toBe('x');
  });

  test('a configuration from a newer Tierwise is rejected with what to do, not half-read', () => {
    expect(problems({ version: 2, segmentTypes: [] })).toEqual([expect.stringMatching(/^version: this configuration was written by a newer Tierwise \(version 2\).*reset to the default configuration/)]);
  });

  test('broken JSON is a problem like any other', () => {
    const r = parseConfigText('{"version": 1,');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0].message).toMatch(/^not valid JSON/);
  });

  test('broken JSON is said at its line and column, as an editor shows them', () => {
    // A comma before the closing brace: the brace is the 4th line's first character.
    const r = parseConfigText('{\n  "version": 1,\n  "segmentTypes": [],\n}');
    expect(r.ok ? [] : r.issues.map((i) => `${i.where}: ${i.message}`)).toEqual(['(configuration): not valid JSON: Expected double-quoted property name (line 4, column 1)']);
  });

  test('a segment type name used twice is said even when another type has an unknown kind', () => {
    const both = problems({
      version: 1,
      segmentTypes: [
        { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 100 }] },
        { name: 'sales abc ', kind: 'nope' },
      ],
    });
    expect(both).toEqual([expect.stringMatching(/^segmentTypes\[1\]\.kind: unknown segment type kind/), 'segmentTypes[1].name: segment type "sales abc " is already used by segmentTypes[0]']);
    // Without the unknown kind, the same mistake is said once, by the schema's own check.
    const once = problems({ version: 1, segmentTypes: [{ name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 100 }] }, { name: 'Sales ABC', kind: 'abc', segments: [{ name: 'A', share: 100 }] }] });
    expect(once).toEqual(['segmentTypes[1].name: segment type "Sales ABC" is already used by segmentTypes[0]']);
  });

  test('the default configuration is ABC 80/15/5 on sales and four profit bands', () => {
    const c = defaultConfig();
    expect(c.segmentTypes.map((t) => t.name)).toEqual(['Sales ABC', 'Profit band']);
    expect(c.window).toEqual({ kind: 'all' });
  });

  test('the committed JSON Schema is the one the code generates (run `npm run schema` after a change)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema', 'tierwise.config.schema.json'), 'utf8');
    expect(committed).toBe(configJsonSchemaText());
    const schema = JSON.parse(committed);
    expect(schema.required).toEqual(expect.arrayContaining(['version']));
  });
});

describe('any configuration text', () => {
  // What a colleague's hand, an old version or another tool may leave in the workbook: the example of the
  // contract with any value anywhere replaced, or any JSON at all. Never an exception; a rejection always
  // says where and what.
  type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
  const paths = (v: Json, at: (string | number)[] = []): (string | number)[][] =>
    v !== null && typeof v === 'object'
      ? [at, ...(Array.isArray(v) ? v.flatMap((x, i) => paths(x, [...at, i])) : Object.entries(v).flatMap(([k, x]) => paths(x, [...at, k])))]
      : [at];
  const replaced = (v: Json, at: (string | number)[], value: Json): Json => {
    if (at.length === 0) return value;
    const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, Json>;
    copy[at[0]] = replaced(copy[at[0]], at.slice(1), value);
    return copy as Json;
  };
  const example = JSON.parse(semanticsExample()) as Json;
  const places = paths(example);

  // A small sales range for the accepted ones to run on (every column the example's types may read).
  const sales = {
    sheet: 'Sales',
    header: ['Customer ID', 'Customer Name', 'Order Date', 'Sales', 'Profit', 'Quantity', 'Order ID', 'Category', 'Region'],
    rows: [
      ['C1', 'Ann', 42800, 100, 20, 2, 'O1', 'Technology', 'West'],
      ['C2', 'Bob', 42900, 50, -5, 1, 'O2', 'Furniture', 'East'],
      ['C1', 'Ann', 43000, 30, 3, 3, 'O3', 'Office Supplies', 'West'],
      ['C3', 'Cy', 43050, 0, 0, 1, 'O4', 'Technology', 'South'],
    ],
    origin: { row: 1, column: 0 },
  };

  test('the contract example with values replaced at random: rejected with a path and a message, or accepted and run', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(places.length - 1), fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 3 }), (changes) => {
        let config = example;
        for (const [i, value] of changes) config = replaced(config, places[i], value as Json);
        const r = parseConfig(config);
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) {
            expect(issue.where).not.toBe('');
            expect(issue.message).not.toBe('');
          }
        } else {
          // Every type classified, or none, with the error that stopped them (a column named that the range lacks).
          const result = segment(sales, r.config);
          if (result.types.length !== r.config.segmentTypes.length) {
            expect(result.types).toEqual([]);
            expect(result.issues.some((i) => i.severity === 'error' && i.row === undefined)).toBe(true);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  test('any JSON text, or text that is none: a result, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const r = parseConfigText(text);
        expect(r.ok || r.issues.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
