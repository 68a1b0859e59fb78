// Loyalty points, levels and rewards (SEMANTICS.md section 5), after Odoo's point-of-sale loyalty.
// Points are summed column by column: rules are compiled once into one mask per rule, and program
// rates are summed per order (the run's order groups, see orders.ts) before they are rounded.
import type { SegmentType } from './config';
import type { LoyaltyType } from './loyalty-schema';
import { inRange } from './aggregate';
import { keyText, type SalesLines } from './ingest';
import { columnNamed } from './parse/headers';
import { groupByOrder, orderGroups, type OrderGroups } from './orders';
import { cached, entryOf, typePath, type Prepared } from './prepared';
import { segmentInfo, type ExtraColumn, type TypeResult } from './result';
import { summarize } from './summary';
import { COLUMN_ROLES, type Cell, type ColumnMapping, type ColumnRole, type Issue, type SourceTable } from './types';
import type { DayRange } from './window';

/** Removes floating-point noise: 268.28000000000003 -> 268.28, 2.4999999999999996 -> 2.5. */
export function round9(x: number): number {
  if (!Number.isFinite(x)) return x;
  // Below 1e6 the product stays well inside 2^53; above it toFixed does the decimal rounding exactly.
  return Math.abs(x) < 1e6 ? Math.round(x * 1e9) / 1e9 : Number(x.toFixed(9));
}

/** Rounds to a multiple of `multiple`, half away from zero, after taking the quotient to 9 decimals. */
export function roundPoints(x: number, multiple = 1): number {
  const q = round9(x / multiple);
  const n = q < 0 ? -Math.floor(-q + 0.5) : Math.floor(q + 0.5);
  const v = n * multiple;
  // 3 x 0.1 is 0.30000000000000004: a multiple of 0.1 is shown as one.
  return Number.isInteger(multiple) ? v + 0 : round9(v) + 0;
}

/**
 * The column a rule looks at: the one headed so, else the column mapped to the role of that name
 * ("product", "category"); -1 when there is none. The SQL path finds rule columns with it too.
 */
export function ruleColumn(header: readonly Cell[], mapping: ColumnMapping, name: string): number {
  const c = columnNamed(header, name);
  const role = name.trim() as ColumnRole;
  if (c < 0 && (COLUMN_ROLES as readonly string[]).includes(role) && mapping[role] !== undefined) return mapping[role];
  return c;
}

/** The refusal of a rule on a column the sales range lacks (`where`: the type's path). */
const ruleWithoutColumn = (where: string, r: number, column: string): Issue => ({
  severity: 'error',
  where: `${where}.rules[${r}].match.column`,
  message: `no column is headed "${column}"; the rule earns nothing`,
});

/**
 * The engine's refusal of each rule of a loyalty type (`index` in the configuration) on a column the
 * sales range lacks (ruleMasks says it while classifying); the DuckDB path says it too, before it reads
 * the lines. None for the other kinds.
 */
export function unmatchedRuleColumns(type: SegmentType, index: number, header: readonly Cell[], mapping: ColumnMapping): Issue[] {
  if (type.kind !== 'loyalty') return [];
  return type.rules.flatMap((rule, r) => (ruleColumn(header, mapping, rule.match.column) < 0 ? [ruleWithoutColumn(`segmentTypes[${index}]`, r, rule.match.column)] : []));
}

/** Which lines each rule matches: one mask per rule, built once per run. */
export function ruleMasks(
  table: SourceTable,
  lines: SalesLines,
  mapping: ColumnMapping,
  type: Pick<LoyaltyType, 'rules'>,
  where: string,
): { masks: Uint8Array[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const masks = type.rules.map((rule, r) => {
    const mask = new Uint8Array(lines.length);
    const c = ruleColumn(table.header, mapping, rule.match.column);
    if (c < 0) {
      issues.push(ruleWithoutColumn(where, r, rule.match.column));
      return mask;
    }
    const wanted = new Set(rule.match.in);
    // Product and category lines carry dictionary codes: test each distinct value once, not each line.
    // A mapped column is coded only when a segment type asked for it (ingest's typeReads); else read the text.
    const codes = c === mapping.product ? lines.product : c === mapping.category ? lines.category : undefined;
    if (codes) {
      const hit = Uint8Array.from(c === mapping.product ? lines.products : lines.categories, (v) => (wanted.has(v) ? 1 : 0));
      for (let i = 0; i < lines.length; i++) mask[i] = hit[codes[i]];
    } else {
      for (let i = 0; i < lines.length; i++) if (wanted.has(keyText(table.rows[lines.row[i]][c]))) mask[i] = 1;
    }
    return mask;
  });
  return { masks, issues };
}

/**
 * Points earned per customer on the lines inside `range`. Rules first, in order, each term rounded on
 * its own; a non-cumulative match stops the rules after it and keeps the line out of the program
 * rates, which are summed per order (and customer) and rounded once per order. A returned order (net
 * amount below 0) takes back its `perOrder`.
 */
export function earnPoints(
  lines: SalesLines,
  customerCount: number,
  range: DayRange | undefined,
  type: Pick<LoyaltyType, 'rules' | 'perCurrency' | 'perUnit' | 'perOrder' | 'rounding'>,
  masks: readonly Uint8Array[],
  groups: OrderGroups = groupByOrder(lines, range),
): Float64Array {
  const earned = new Float64Array(customerCount);
  const { customer, amount, quantity, order } = lines;
  const { rounding, perCurrency, perUnit, perOrder } = type;
  // Quantity is kept only when a rate per unit reads it (ingest's typeReads); without one, units earn nothing anyway.
  const qty = (i: number) => (quantity !== undefined && quantity[i] === quantity[i] ? quantity[i] : 0);
  const inWindow = (i: number) => range === undefined || inRange(lines, i, range);
  /** Lines a non-cumulative rule took: the program rates do not apply to them. */
  const taken = new Uint8Array(masks.length > 0 ? lines.length : 0);
  if (masks.length > 0) {
    for (let i = 0; i < lines.length; i++) {
      if (!inWindow(i)) continue;
      for (let r = 0; r < masks.length; r++) {
        if (!masks[r][i]) continue;
        const rule = type.rules[r];
        earned[customer[i]] += roundPoints(qty(i) * rule.perUnit, rounding) + roundPoints(amount[i] * rule.perCurrency, rounding);
        if (!rule.cumulative) {
          taken[i] = 1;
          break;
        }
      }
    }
  }
  const isTaken = (i: number) => taken.length > 0 && taken[i] === 1;
  const program = (c: number, sum: number, units: number) => {
    earned[c] += roundPoints(sum * perCurrency, rounding) + roundPoints(units * perUnit, rounding) + Math.sign(round9(sum)) * perOrder;
  };
  if (perCurrency !== 0 || perUnit !== 0 || perOrder !== 0) {
    // Without an order column each line is its own order.
    if (!order) for (let i = 0; i < lines.length; i++) if (inWindow(i) && !isTaken(i)) program(customer[i], amount[i], qty(i));
    // Per order, per customer: an order id shared by two customers (bad data) still earns for each one.
    const stamp = new Int32Array(customerCount);
    const sum = new Float64Array(customerCount);
    const units = new Float64Array(customerCount);
    const touched = new Int32Array(customerCount);
    const { start, line } = groups;
    for (let o = 0; o + 1 < start.length; o++) {
      let t = 0;
      for (let k = start[o]; k < start[o + 1]; k++) {
        const i = line[k];
        if (isTaken(i)) continue;
        const c = customer[i];
        if (stamp[c] !== o + 1) {
          stamp[c] = o + 1;
          sum[c] = 0;
          units[c] = 0;
          touched[t++] = c;
        }
        sum[c] += amount[i];
        units[c] += qty(i);
      }
      for (let j = 0; j < t; j++) program(touched[j], sum[touched[j]], units[touched[j]]);
    }
  }
  for (let c = 0; c < customerCount; c++) earned[c] = round9(earned[c]) + 0;
  return earned;
}

/** Points redeemed per customer (the `spent` column) inside the window; 0 when the column is not mapped. */
export function spentPoints(lines: SalesLines, customerCount: number, range: DayRange | undefined): Float64Array {
  const spent = new Float64Array(customerCount);
  const column = lines.spent;
  if (!column) return spent;
  for (let i = 0; i < lines.length; i++) {
    const v = column[i];
    if (v === v && inRange(lines, i, range)) spent[lines.customer[i]] += v;
  }
  for (let c = 0; c < customerCount; c++) spent[c] = round9(spent[c]) + 0;
  return spent;
}

/** Points within a billionth of a level's or a reward's threshold reach it (the SQL path compares so too). */
export const POINTS_TOLERANCE = 1e-9;

/** The highest level whose minPoints the points reach (-1: below the first level). Levels are sorted (schema). */
export function levelOf(points: number, levels: readonly { minPoints: number }[]): number {
  for (let l = levels.length - 1; l >= 0; l--) if (points >= levels[l].minPoints - POINTS_TOLERANCE) return l;
  return -1;
}

/** Rewards the balance allows, with how many times each could be taken: floor(balance / cost). */
export function availableRewards(balance: number, rewards: readonly { name: string; minPoints: number; cost: number }[]): { reward: number; times: number }[] {
  const out: { reward: number; times: number }[] = [];
  rewards.forEach((r, i) => {
    if (balance >= r.minPoints - POINTS_TOLERANCE && balance >= r.cost - POINTS_TOLERANCE) out.push({ reward: i, times: Math.floor(round9(balance / r.cost)) });
  });
  return out;
}

export interface LoyaltyPoints {
  earned: Float64Array;
  spent: Float64Array;
  issues: Issue[];
}

/** Earned and spent points of one loyalty type, computed once per run (activity criteria read them too). */
export function loyaltyPoints(p: Prepared, type: LoyaltyType): LoyaltyPoints {
  return cached(p, `loyalty|${type.name}`, () => {
    const { lines, table, mapping } = p.ingested;
    const n = p.measures.count;
    const { masks, issues } = ruleMasks(table, lines, mapping, type, typePath(p, type.name));
    return { earned: earnPoints(lines, n, p.window, type, masks, orderGroups(p)), spent: spentPoints(lines, n, p.window), issues };
  });
}

export function classifyLoyalty(p: Prepared, type: LoyaltyType): TypeResult {
  const { earned, spent, issues } = loyaltyPoints(p, type);
  const n = p.measures.count;
  const levels = type.levels;
  const previous = p.previous?.segments[type.name];
  const levelIndex = new Map(levels.map((l, i) => [l.name.toLowerCase(), i]));
  const final = new Int32Array(n);
  const balance = new Float64Array(n);
  const nextLevel: string[] = new Array(n);
  const missing = new Float64Array(n);
  const discount = new Float64Array(n);
  const rewardsText: string[] = new Array(n);
  const rewardCustomers = new Array<number>(type.rewards.length).fill(0);
  const rewardTimes = new Array<number>(type.rewards.length).fill(0);
  for (let c = 0; c < n; c++) {
    let level = levelOf(earned[c], levels);
    const before = entryOf(previous, p.customers.ids[c]);
    const was = before === undefined ? -1 : (levelIndex.get(before.trim().toLowerCase()) ?? -1);
    if (!type.demote && was > level) level = was;
    final[c] = level;
    balance[c] = round9(earned[c] - spent[c]) + 0;
    const next = level + 1 < levels.length ? levels[level + 1] : undefined;
    nextLevel[c] = next ? next.name : '';
    missing[c] = next ? round9(Math.max(0, next.minPoints - earned[c])) : NaN;
    discount[c] = level >= 0 && levels[level].discount !== undefined ? (levels[level].discount as number) / 100 : NaN;
    const available = availableRewards(balance[c], type.rewards);
    rewardsText[c] = available.map((a) => `${type.rewards[a.reward].name} x${a.times}`).join('; ');
    for (const a of available) {
      rewardCustomers[a.reward]++;
      rewardTimes[a.reward] += a.times;
    }
  }
  const name = type.name;
  const extraColumns: ExtraColumn[] = [
    { header: `${name} (spent)`, format: 'number', values: spent },
    { header: `${name} (balance)`, format: 'number', values: balance },
    { header: `${name} (next level)`, format: 'text', values: nextLevel },
    { header: `${name} (points missing)`, format: 'number', values: missing },
  ];
  if (type.rewards.length > 0) extraColumns.push({ header: `${name} (available rewards)`, format: 'text', values: rewardsText });
  if (levels.some((l) => l.discount !== undefined)) extraColumns.push({ header: `${name} (discount)`, format: 'percent', values: discount });
  const segments = levels.map(segmentInfo);
  return {
    type,
    segments,
    // The tiers table shows the measure as `<name> (earned)`, right after the level.
    measureName: 'earned',
    measure: earned,
    auto: final,
    final,
    extraColumns,
    summary: summarize(segments, final, earned, p.measures),
    rewardsSummary: type.rewards.map((r, i) => ({ reward: r.name, customers: rewardCustomers[i], times: rewardTimes[i] })),
    issues: [...issues],
  };
}
