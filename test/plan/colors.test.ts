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
    // Low and Mid differ: Mid, just below the top, is yellow; Low, one further down, orange.
    expect(segmentColors(bands, bands.bands)).toEqual([SEGMENT_FILLS.bad, '#F8CBAD', SEGMENT_FILLS.middle, SEGMENT_FILLS.good]);
  });

  it('bands: each band of a group has its own shade, counted from the group’s best band; past the shades the last repeats', () => {
    if (bands.kind !== 'bands') throw new Error('the default second type is bands');
    const b = (name: string, min?: number, max?: number): { name: string; min?: number; max?: number; color?: string } => ({ name, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) });
    // Worked by hand: two bands wholly below 0 (Heavy loss, Loss), five between (M1..M5), the top.
    // Loss groups count up from 0: Loss pink, Heavy loss rose. Middle ones count down from the top:
    // M5 yellow, M4 orange, M3 peach, M2 pale yellow, M1 the last shade again.
    const many = { ...bands, bands: [b('Heavy loss', undefined, -100), b('Loss', -100, 0), b('M1', 0, 10), b('M2', 10, 20), b('M3', 20, 30), b('M4', 30, 40), b('M5', 40, 50), b('Top', 50)] };
    expect(segmentColors(many, many.bands)).toEqual(['#F4A6A6', SEGMENT_FILLS.bad, '#FFF2CC', '#FFF2CC', '#FCE4D6', '#F8CBAD', SEGMENT_FILLS.middle, SEGMENT_FILLS.good]);
    // One band between: yellow, as before shades were counted.
    const three = { ...many, bands: [b('Loss', undefined, 0), b('Some', 0, 100), b('Top', 100)] };
    expect(segmentColors(three, three.bands)).toEqual([SEGMENT_FILLS.bad, SEGMENT_FILLS.middle, SEGMENT_FILLS.good]);
    // A colour in the configuration still wins, and does not shift the others' shades.
    const own = { ...bands, bands: bands.bands.map((x, i) => (i === 2 ? { ...x, color: '#123456' } : x)) };
    expect(segmentColors(own, own.bands)).toEqual([SEGMENT_FILLS.bad, '#F8CBAD', '#123456', SEGMENT_FILLS.good]);
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
      ['Low', '#F8CBAD'],
      ['Mid', SEGMENT_FILLS.middle],
      ['High', SEGMENT_FILLS.good],
    ]);
  });
});
