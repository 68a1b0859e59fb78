// The summary parts only some segment types have, placed under the type's summary block: the
// rewards a loyalty program makes available, the RFM heat map, the ABC-XYZ matrix, and visit compliance (any kind with
// a visits range). Customers and points per loyalty level are already the summary rows (the
// measure of a loyalty type is the points earned).
import type { TypeResult } from '../engine/result';
import { HEAT_HIGH, HEAT_LOW, heatRows } from './heat-map';
import type { ConditionalFill, NumberFormat, PlannedBlock, PlanValue } from './plan';

const TEXT: NumberFormat = '@';
const COUNT: NumberFormat = '#,##0';

export interface KindBlocks {
  blocks: PlannedBlock[];
  /** The first free row under them. */
  next: number;
}

/** Blocks for type `k` from `row` down: per part a title then its table, a blank row after each. */
export function kindBlocks(t: TypeResult, k: number, row: number, fills: ConditionalFill['rules']): KindBlocks {
  const blocks: PlannedBlock[] = [];
  let at = row;
  const part = (id: string, title: string, table: Omit<PlannedBlock, 'id' | 'row' | 'column' | 'header'>) => {
    blocks.push({ id: `${id}-title-${k}`, row: at, column: 0, values: [[title]], title: true, numberFormats: [TEXT] });
    blocks.push({ id: `${id}-${k}`, row: at + 1, column: 0, header: true, ...table });
    at += table.values.length + 2;
  };
  const name = t.type.name;

  if (t.rewardsSummary && t.rewardsSummary.length > 0) {
    part('rewards', `${name}: rewards available (customers whose balance allows the reward, and how many times in all)`, {
      values: [['Reward', 'Customers', 'Times'], ...t.rewardsSummary.map((r): PlanValue[] => [r.reward, r.customers, r.times])],
      numberFormats: [TEXT, COUNT, COUNT],
    });
  }

  if (t.rfmGrid && t.rfmGrid.length > 0) {
    const n = t.rfmGrid.length;
    part('rfm-grid', `${name}: customers by recency (rows, R ${n} = most recent) and frequency (columns, F ${n} = most orders)`, {
      values: [
        ['Recency \\ Frequency', ...t.rfmGrid.map((_, f) => `F ${f + 1}`)],
        ...heatRows(t.rfmGrid).map((h): PlanValue[] => [`R ${h.recency}`, ...h.counts]),
      ],
      numberFormats: [TEXT, ...t.rfmGrid.map(() => COUNT)],
      colorScale: { firstColumn: 1, lastColumn: n, low: HEAT_LOW, high: HEAT_HIGH },
    });
  }

  if (t.abcXyz) {
    const m = t.abcXyz;
    const head = [`${m.abcType} \\ ${name}`, ...m.columns];
    const scale = { firstColumn: 1, lastColumn: m.columns.length, low: HEAT_LOW, high: HEAT_HIGH };
    part('abc-xyz-customers', `${name}: ABC-XYZ matrix, customers by ${m.abcType} segment (rows) and ${name} segment (columns)`, {
      values: [head, ...m.rows.map((r, i): PlanValue[] => [r, ...m.customers[i]])],
      numberFormats: [TEXT, ...m.columns.map(() => COUNT)],
      colorScale: scale,
    });
    part('abc-xyz-measure', `${name}: ABC-XYZ matrix, share of ${m.measureName} (of the ${m.abcType} measure, all cells add up to 100%)`, {
      values: [head, ...m.rows.map((r, i): PlanValue[] => [r, ...m.measureShare[i]])],
      numberFormats: [TEXT, ...m.columns.map((): NumberFormat => '0.0%')],
      colorScale: scale,
    });
  }

  if (t.visitCompliance && t.visitCompliance.length > 0) {
    part('visits', `${name}: visit compliance (customers visited within their segment's frequency / customers in the segment)`, {
      values: [
        ['Segment', 'Visit every (days)', 'Customers', 'Visited in time', 'Compliance'],
        ...t.visitCompliance.map((v): PlanValue[] => [v.segment, v.visitEveryDays, v.customers, v.visitedInTime, v.share]),
      ],
      numberFormats: [TEXT, COUNT, COUNT, COUNT, '0.0%'],
      conditionalFills: fills.length ? [{ column: 0, rules: fills }] : [],
    });
  }
  return { blocks, next: at };
}
