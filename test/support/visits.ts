// A small sales table with a visits range whose visit planning was worked out by hand (below): the
// engine's visit test and the SQL visit tests both hold it.
import type { Cell } from '../../src/engine/types';

export const VISIT_SALES_HEADER = ['Customer', 'Date', 'Sales'];
// The latest sale is 2024-03-31: every day counts to it.
export const VISIT_SALES: Cell[][] = [
  ['k1', '2024-03-31', 500],
  ['k2', '2024-03-01', 300],
  ['k3', '2024-02-01', 50],
  ['k4', '2024-01-15', 20],
];
export const VISIT_TIER = {
  name: 'Tier',
  kind: 'bands' as const,
  measure: 'sales' as const,
  bands: [
    { name: 'Small', max: 100, visitEveryDays: 90 },
    { name: 'Key', min: 100, visitEveryDays: 30, priority: 1 },
  ],
};
export const VISITS_HEADER = ['Customer', 'Visit date'];
export const VISITS: Cell[][] = [
  ['k1', '2024-01-01'],
  ['k1', '2024-03-21'], // 10 days before the end: within 30, due 2024-04-20
  ['k2', '2024-02-10'], // 50 days before the end: due 2024-03-11, 20 days overdue
  ['k3', '2024-04-15'], // after the end: not a visit yet; k3 was never visited
  ['k4', '2024-01-05'], // 26 + 29 + 31 = 86 days before the end: within 90, due 2024-04-04
  ['k4', 'soon'], // not a date: reported, not counted
];
/** Worked by hand from the comments above: segment, last visit, next visit due, overdue days (a never visited customer is due on the end day). */
export const VISITS_EXPECTED: Record<string, [string, string | null, string, number]> = {
  k1: ['Key', '2024-03-21', '2024-04-20', 0],
  k2: ['Key', '2024-02-10', '2024-03-11', 20],
  k3: ['Small', null, '2024-03-31', 0],
  k4: ['Small', '2024-01-05', '2024-04-04', 0],
};
