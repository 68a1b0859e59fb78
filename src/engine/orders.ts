// Lines grouped by order id, for the kinds that count or sum per order (loyalty program rates, RFM
// frequency, activity's "orders"). A counting sort over the dense order codes: typed arrays only, no
// map per order, and the lines of an order stay in their original order (sums add up the same way).
import { inRange } from './aggregate';
import type { SalesLines } from './ingest';
import { cached, type Prepared } from './prepared';
import type { DayRange } from './window';

export interface OrderGroups {
  /** Lines of order o: `line[start[o]] .. line[start[o + 1] - 1]`. Has orders + 1 entries. */
  start: Int32Array;
  line: Int32Array;
}

/** The lines inside the range grouped by order code; none when the order column is not coded. */
export function groupByOrder(lines: SalesLines, range: DayRange | undefined): OrderGroups {
  const order = lines.order;
  if (!order) return { start: new Int32Array(1), line: new Int32Array(0) };
  const orders = lines.orders.length;
  const start = new Int32Array(orders + 1);
  for (let i = 0; i < lines.length; i++) {
    if (range === undefined || inRange(lines, i, range)) start[order[i] + 1]++;
  }
  for (let o = 0; o < orders; o++) start[o + 1] += start[o];
  const next = start.slice(0, orders);
  const line = new Int32Array(start[orders]);
  for (let i = 0; i < lines.length; i++) {
    if (range === undefined || inRange(lines, i, range)) line[next[order[i]]++] = i;
  }
  return { start, line };
}

export const orderGroups = (p: Prepared): OrderGroups => cached(p, 'orderGroups', () => groupByOrder(p.ingested.lines, p.window));

/**
 * Distinct orders per customer among its lines in the range; each line counts as an order when no
 * order column is mapped. An order id shared by two customers (bad data) counts once for each.
 */
export function countOrders(lines: SalesLines, customerCount: number, range: DayRange | undefined, groups = groupByOrder(lines, range)): Int32Array {
  const out = new Int32Array(customerCount);
  if (!lines.order) for (let i = 0; i < lines.length; i++) if (range === undefined || inRange(lines, i, range)) out[lines.customer[i]]++;
  // stamp[c] = o + 1 once customer c has been counted for order o.
  const stamp = new Int32Array(customerCount);
  const { start, line } = groups;
  for (let o = 0; o + 1 < start.length; o++) {
    for (let k = start[o]; k < start[o + 1]; k++) {
      const c = lines.customer[line[k]];
      if (stamp[c] !== o + 1) {
        stamp[c] = o + 1;
        out[c]++;
      }
    }
  }
  return out;
}

/** Orders per customer in the window, counted once per run (RFM frequency, activity's "orders" line). */
export const ordersInWindow = (p: Prepared): Int32Array => cached(p, 'orders', () => countOrders(p.ingested.lines, p.measures.count, p.window, orderGroups(p)));
