// Thresholds suggested from the data (SEMANTICS.md 12). The expected points below were worked out by hand.
import fc from 'fast-check';
import { classifyAll, prepare, segment } from '../../src/engine/run';
import { segmentName } from '../../src/engine/result';
import { suggestAll, suggestFromValues } from '../../src/engine/suggest';
import { main } from '../../src/cli/main';
import { ABC_80_15_5, config, SUPERSTORE_CSV, superstoreTable, table } from '../support/tables';
import { join } from 'node:path';

const H = ['Customer', 'Sales'];

describe('computed ABC, the contract form', () => {
  test('the worked example: values 1..9 give kP 4, kBE 5, kC 6', () => {
    // Largest first 9,8,...,1 (total 45). y_k = 9,17,24,30,35,39,42,44,45 / 45.
    // d_P(k) = (k/9)^2 + (1-y_k)^2: k3 .3289, k4 .3086, k5 .3580 -> kP = 4.
    // Mean 5: the values 9,8,7,6,5 are at least it -> kBE = 5. kA = 4, xB = 5/9.
    // d_C(k) = (k/9 - 5/9)^2 + (1-y_k)^2 for k >= 4: k4 .1235, k5 .0494, k6 .0301, k7 .0538 -> kC = 6.
    const s = suggestFromValues([9, 8, 7, 6, 5, 4, 3, 2, 1])!;
    expect([s.paretoPoint, s.breakEven, s.submarginal]).toEqual([4, 5, 6]);
    expect(s.counts).toEqual([4, 2, 3]);
    expect(s.shares.map((v) => Math.round(v * 100) / 100)).toEqual([66.67, 20, 13.33]);
  });

  test('one dominant customer: the first segment holds it alone and the second is empty', () => {
    // 10,1,1,1,1 (total 14): y = .714, .786, .857, .929, 1. d_P: k1 .04+.0816 = .1216, k2 .16+.0459 -> kP 1.
    // Mean 2.8: only 10 is at least it -> kBE 1; kA 1, xB .2; d_C: k1 .0816, k2 .0859 -> kC 1.
    const s = suggestFromValues([10, 1, 1, 1, 1])!;
    expect(s.counts).toEqual([1, 0, 4]);
    expect(s.shares.map((v) => Math.round(v * 100) / 100)).toEqual([71.43, 0, 28.57]);
  });

  test('equal values: every customer is at the mean, the ideal point is the whole population', () => {
    // 4 x 5: y_k = k/4, d_P(k) = 2 (k/4)^2 - 2 (k/4) + 1 is least at k = 2 (0.5); kBE = 4; kA 2, xB 1;
    // d_C: k2 .25 + .25, k3 .0625 + .0625, k4 0 -> kC 4.
    expect(suggestFromValues([5, 5, 5, 5])!.counts).toEqual([2, 2, 0]);
  });

  test('nothing to rank gives no suggestion', () => {
    expect(suggestFromValues([])).toBeUndefined();
  });

  test('property: with the suggested shares and the upper boundary, the run reproduces the counts (distinct totals)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 40 }), (amounts) => {
        const rows: [string, number][] = amounts.map((a, i) => [`c${i}`, a]);
        const sorted = [...amounts].sort((a, b) => b - a);
        const s = suggestFromValues(sorted)!;
        const segments = ABC_80_15_5.segments.map((seg, i) => ({ ...seg, share: s.shares[i] }));
        const result = segment(table(H, rows), config({ segmentTypes: [{ ...ABC_80_15_5, segments }] }));
        const counts = ['A', 'B', 'C'].map((name) => result.customers.ids.filter((_, c) => segmentName(result.types[0], c) === name).length);
        expect(counts).toEqual(s.counts);
        expect(s.counts[0] + s.counts[1] + s.counts[2]).toBe(amounts.length);
        expect(s.counts[0]).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  test('types without exactly three ranked segments, or without sales, say why', () => {
    const two = { name: 'Two', kind: 'abc' as const, segments: [{ name: 'A', share: 80 }, { name: 'B', share: 20 }] };
    const p = prepare(table(H, [['x', 0]]), config({ segmentTypes: [two, ABC_80_15_5] }));
    const out = suggestAll(p);
    expect(out.map((s) => s.ok)).toEqual([false, false]);
    expect(out[0]).toMatchObject({ reason: expect.stringContaining('ranks 2 segments') });
    expect(out[1]).toMatchObject({ reason: expect.stringContaining('above 0') });
  });

  test('Superstore: 793 ranked customers; the suggestion reproduces under the engine', () => {
    const columns = { customer: 'Customer ID', amount: 'Sales', date: 'Order Date', profit: 'Profit' };
    const p = prepare(superstoreTable(), config({ columns, segmentTypes: [ABC_80_15_5] }));
    const [s] = suggestAll(p);
    if (!s.ok) throw new Error(s.reason);
    expect(s.ranked).toBe(793);
    expect(s.suggestion.counts).toEqual([278, 130, 385]);
    expect(s.suggestion.paretoPoint).toBe(278);
    expect(s.suggestion.breakEven).toBe(294);
    const segments = ABC_80_15_5.segments.map((seg, i) => ({ ...seg, share: s.suggestion.shares[i] }));
    const again = classifyAll(prepare(superstoreTable(), config({ columns, segmentTypes: [{ ...ABC_80_15_5, segments }] })));
    const counts = ['A', 'B', 'C'].map((name) => again.types[0].summary.find((r) => r.segment === name)!.customers);
    expect(counts).toEqual(s.suggestion.counts);
  });
});

describe('tierwise suggest', () => {
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await main(args, { out: (s) => void (out += s), err: (s) => void (err += s) });
    return { code, out, err };
  };
  const configPath = join(__dirname, '..', '..', 'examples', 'superstore.config.json');

  test('JSON has the counts, shares and both points per ABC type', async () => {
    const { code, out } = await run(['suggest', SUPERSTORE_CSV, '--config', configPath, '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['Sales ABC']);
    expect(json['Sales ABC']).toMatchObject({ counts: [278, 130, 385], paretoPoint: 278, breakEven: 294 });
    expect(json['Sales ABC'].shares.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(100, 9);
  });

  test('text shows the suggestion beside the configured thresholds', async () => {
    const { code, out } = await run(['suggest', SUPERSTORE_CSV, '--config', configPath]);
    expect(code).toBe(0);
    expect(out).toContain('Suggested: A 278 customers (66.57 %), B 130 customers (14.65 %), C 385 customers (18.78 %)');
    expect(out).toContain('Now:       A 396 customers');
  });

  test('a wrong format is a usage error', async () => {
    expect((await run(['suggest', SUPERSTORE_CSV, '--config', configPath, '--format', 'xml'])).code).toBe(2);
  });
});
