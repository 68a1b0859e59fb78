/**
 * @jest-environment node
 */
// The worker keeps one preparation and caches what a threshold drag reuses (eligibility, measures,
// ranking, shares, the Pareto curve) under keys of measure and minimum. A key that missed something
// would show a stale preview: so after any sequence of segment types classified on one preparation,
// each answer must equal a fresh run of that type alone.
import fc from 'fast-check';
import { parseConfig, type ConfigInput } from '../../src/engine/config';
import { classifyType, prepare } from '../../src/engine/run';
import type { Cell, SourceTable } from '../../src/engine/types';
import { InProcessClient, sendSource } from '../../src/taskpane/worker/client';
import { paretoCurve } from '../../src/taskpane/worker/curve';
import { EngineSession } from '../../src/taskpane/worker/session';

/** Eight customers, some tied, one with only a return, one with a loss, across two years. */
const TABLE: SourceTable = {
  sheet: 'Orders',
  header: ['Customer ID', 'Order Date', 'Sales', 'Profit'],
  rows: (
    [
      ['C1', 42400, 500, 50],
      ['C2', 42500, 300, -20],
      ['C3', 42600, 300, 30],
      ['C4', 42700, 120, 12],
      ['C5', 42800, -40, -4],
      ['C6', 42900, 80, 8],
      ['C1', 43000, 200, 20],
      ['C7', 43050, 80, 8],
      ['C8', 43090, 0, 0],
      ['C2', 43095, 60, 6],
    ] as Cell[][]
  ).map((r) => [...r]),
  origin: { row: 1, column: 0 },
};

const shares = fc.integer({ min: 1, max: 98 }).chain((a) => fc.integer({ min: 1, max: 99 - a }).map((b) => [a, b, 100 - a - b]));
const minimum = fc.option(fc.constantFrom(0, 50, 100, 350), { nil: undefined });
type TypeInput = NonNullable<ConfigInput['segmentTypes']>[number];
const abc = fc.record({ shares, measure: fc.constantFrom('sales' as const, 'profit' as const), minimum, boundary: fc.constantFrom('upper' as const, 'lower' as const) }).map(
  ({ shares: [a, b, c], measure, minimum: min, boundary }): TypeInput => ({
    name: 'Sales ABC',
    kind: 'abc',
    measure,
    boundary,
    minimumNetSales: min,
    segments: [{ name: 'A', share: a }, { name: 'B', share: b }, { name: 'C', share: c }],
  }),
);
const bands = fc.record({ cut: fc.constantFrom(0, 10, 25, 60), measure: fc.constantFrom('profit' as const, 'sales' as const, 'margin' as const), minimum }).map(
  ({ cut, measure, minimum: min }): TypeInput => ({ name: 'Profit band', kind: 'bands', measure, minimumNetSales: min, bands: [{ name: 'Low', max: cut }, { name: 'High', min: cut }] }),
);

function configOf(types: ConfigInput['segmentTypes'], window: ConfigInput['window']) {
  const r = parseConfig({ version: 1, window, minimumNetSales: 1, segmentTypes: types });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.config;
}

test('any sequence of types classified on one preparation answers as a fresh run of each', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.oneof(abc, bands), { minLength: 1, maxLength: 8 }),
      fc.constantFrom<ConfigInput['window']>({ kind: 'all' }, { kind: 'year', year: 2017, startMonth: 1 }, { kind: 'rolling', months: 12 }),
      async (types, window) => {
        const engine = new InProcessClient(new EngineSession());
        await sendSource(engine, TABLE);
        const base = configOf([types[0]], window);
        await engine.ask({ type: 'prepare', config: base, withPrevious: false, extras: [] });
        for (const input of types) {
          const type = configOf([input], window).segmentTypes[0];
          const { preview } = await engine.ask({ type: 'classify', segmentType: type });
          const fresh = classifyType(prepare(TABLE, configOf([input], window)), type);
          expect(preview.rows).toEqual(fresh.summary);
          expect(preview.curve).toEqual(type.kind === 'abc' ? paretoCurve(fresh) : undefined);
        }
      },
    ),
    { numRuns: 150 },
  );
});
