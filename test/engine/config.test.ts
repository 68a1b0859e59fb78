import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configJsonSchemaText, defaultConfig, parseConfig, parseConfigText } from '../../src/engine/config';

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
