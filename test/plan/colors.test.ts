// Segment colours by meaning (src/plan/colors.ts), shared by the pane and the written sheets.
import { defaultConfig } from '../../src/engine/config';
import { SEGMENT_FILLS, segmentColors } from '../../src/plan/colors';
import { planWorkbook } from '../../src/plan/planner';
import { classifyAll, prepare } from '../../src/engine/run';
import { takeSnapshot } from '../../src/engine/history';
import { config, table } from '../support/tables';

describe('segment colours', () => {
  const [abc, bands] = defaultConfig().segmentTypes;

  it('ABC: by rank, A the strongest; excluded segments grey; a colour in the configuration wins', () => {
    if (abc.kind !== 'abc') throw new Error('the default type is ABC');
    const colors = segmentColors(abc, abc.segments);
    expect(colors).toEqual(['#A9D08E', '#C6E0B4', '#E2EFDA']);
    const vip = { ...abc, segments: [{ name: 'VIP', exclude: true }, ...abc.segments.map((s, i) => (i === 2 ? { ...s, color: '#123456' } : s))] };
    expect(segmentColors(vip, vip.segments)).toEqual([SEGMENT_FILLS.aside, '#A9D08E', '#C6E0B4', '#123456']);
  });

  it('bands: by sign, the default Loss band red and the top band green, not by position', () => {
    if (bands.kind !== 'bands') throw new Error('the default second type is bands');
    expect(bands.bands.map((b) => b.name)).toEqual(['Loss', 'Low', 'Mid', 'High']);
    expect(segmentColors(bands, bands.bands)).toEqual([SEGMENT_FILLS.bad, SEGMENT_FILLS.middle, SEGMENT_FILLS.middle, SEGMENT_FILLS.good]);
  });

  it('the Segment Summary and the tiers table fill segments with the same colours', () => {
    const t = table(['Customer', 'Sales', 'Profit'], [['a', 100, -5], ['b', 50, 3000]]);
    const cfg = config({ segmentTypes: [bands] });
    const p = prepare(t, cfg);
    const result = classifyAll(p);
    const plan = planWorkbook({ result, snapshot: takeSnapshot(result, p.ingested.lines, '2026-01-01T00:00:00Z'), configText: '{}' });
    const summary = plan.sheets.find((s) => s.role === 'summary')!;
    const rules = summary.blocks.find((b) => b.id === 'summary-0')!.conditionalFills![0].rules;
    expect(rules.map((r) => [r.text, r.fill])).toEqual([
      ['Loss', SEGMENT_FILLS.bad],
      ['Low', SEGMENT_FILLS.middle],
      ['Mid', SEGMENT_FILLS.middle],
      ['High', SEGMENT_FILLS.good],
    ]);
  });
});
