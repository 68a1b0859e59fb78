// Configurations the compiled SQL is checked with, against the engine, on the Superstore sample
// (PostgreSQL and DuckDB run them; the golden files of the other dialects are written from them), and a
// small hand-made table whose ties, returns and window edges were worked out by hand.
import type { ConfigInput } from '../../src/engine/config';
import type { Cell } from '../../src/engine/types';
import { ABC_80_15_5 } from '../support/tables';

export const SUPERSTORE_COLUMNS = {
  customer: 'Customer ID',
  customerName: 'Customer Name',
  date: 'Order Date',
  amount: 'Sales',
  profit: 'Profit',
  quantity: 'Quantity',
  order: 'Order ID',
  product: 'Product ID',
  category: 'Category',
};

const PROFIT_BANDS = {
  name: 'Profit band',
  kind: 'bands' as const,
  measure: 'profit' as const,
  bands: [
    { name: 'Loss', max: 0 },
    { name: 'Low', min: 0, max: 500 },
    { name: 'Mid', min: 500, max: 2000 },
    { name: 'High', min: 2000 },
  ],
};

/** Names that try to leave their string: quotes, backslashes, a comment, a statement. */
export const NASTY = `O'Brien \\' "x" -- ; DROP TABLE sales; \``;

export const SQL_CASES: Record<string, Partial<ConfigInput>> = {
  // The default configuration: ABC 80/15/5 on sales, four profit bands, the whole history.
  default: { columns: SUPERSTORE_COLUMNS, segmentTypes: [ABC_80_15_5, PROFIT_BANDS] },
  // The lower boundary, an excluded segment, a default segment without a share, overrides (one matched
  // ignoring case, one naming no segment, one for a customer without lines), 12 rolling months ending on
  // the latest date, so the customers who last bought before 2016-12-31 get the default segment.
  'abc-lower-rolling': {
    columns: SUPERSTORE_COLUMNS,
    window: { kind: 'rolling', months: 12 },
    segmentTypes: [
      {
        name: `ABC ${NASTY}`,
        kind: 'abc',
        measure: 'sales',
        boundary: 'lower',
        segments: [
          { name: 'A', share: 70 },
          { name: 'B', share: 20 },
          { name: `VIP ${NASTY}`, exclude: true },
          { name: 'C', share: 10 },
          { name: 'Dormant', default: true },
        ],
      },
    ],
    overrides: {
      [`ABC ${NASTY}`]: { 'CG-12520': `vip ${NASTY}`, 'AA-10315': 'Gone', [`ZZ ${NASTY}`]: 'a', ' SC-20095 ': 'C' },
    },
  },
  // ABC on profit with the type's own minimum over the global one, bands on sales with the global
  // minimum, a filter dropping a region (the window end stays the latest date over all lines).
  'profit-minimum-filter': {
    columns: SUPERSTORE_COLUMNS,
    minimumNetSales: 100,
    filters: [{ column: 'Region', notIn: ['Central', NASTY] }],
    window: { kind: 'rolling', months: 24 },
    segmentTypes: [
      { name: 'Profit ABC', kind: 'abc', measure: 'profit', minimumNetSales: 500, segments: [{ name: 'A', share: 50 }, { name: 'B', share: 30 }, { name: 'C', share: 20 }, { name: 'Below', default: true }] },
      { name: 'Sales band', kind: 'bands', measure: 'sales', bands: [{ name: 'Small', max: 1000 }, { name: 'Medium', min: 1000, max: 5000 }, { name: 'Large', min: 5000 }] },
    ],
  },
  // Quantity ABC over a fiscal year (2016-04-01 to 2017-03-31), two segments kept by a filter.
  'quantity-fiscal-year': {
    columns: SUPERSTORE_COLUMNS,
    window: { kind: 'year', year: 2017, startMonth: 4 },
    filters: [{ column: 'Segment', in: ['Consumer', 'Corporate'] }],
    segmentTypes: [{ name: 'Units ABC', kind: 'abc', measure: 'quantity', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 15 }, { name: 'C', share: 5 }] }],
  },
  // Margin bands with a default band (customers without sales in the window go there), bands with both
  // ends open, 6 months ending on a set day.
  'margin-bands-explicit-end': {
    columns: SUPERSTORE_COLUMNS,
    window: { kind: 'rolling', months: 6, end: '2016-06-30' },
    segmentTypes: [
      {
        name: 'Margin band',
        kind: 'bands',
        measure: 'margin',
        bands: [
          { name: 'Negative', max: 0 },
          { name: 'Thin or none', min: 0, max: 15, default: true },
          { name: 'Healthy', min: 15 },
        ],
      },
      { ...PROFIT_BANDS, bands: [{ name: 'Low', min: -100, max: 0 }, { name: 'High', min: 0, max: 100 }] },
    ],
  },
  // A calendar year: the customers without a 2015 line get the last ranked segment (no default segment).
  'calendar-year': {
    columns: SUPERSTORE_COLUMNS,
    window: { kind: 'year', year: 2015, startMonth: 1 },
    segmentTypes: [ABC_80_15_5],
  },
  // RFM with the default table over the whole history (recency to the latest date before the filter),
  // and a second RFM over 12 months with 4 scores, custom monetary cut points and its own table.
  rfm: {
    columns: SUPERSTORE_COLUMNS,
    filters: [{ column: 'Segment', notIn: ['Home Office'] }],
    segmentTypes: [
      { name: 'RFM', kind: 'rfm' },
      {
        name: 'RFM 12',
        kind: 'rfm',
        scores: 4,
        cuts: { monetary: [250, 1000, 3000] },
        segments: [
          { name: `Best ${NASTY}`, r: [4, 4], f: [3, 4], m: [3, 4] },
          { name: 'Big', m: [4, 4] },
          { name: 'Recent', r: [3, 4] },
        ],
      },
    ],
  },
};

/**
 * XYZ by quarter on sales over the whole history (periods from the earliest to the latest kept date), with
 * the ABC-XYZ column; by month on quantity over a fiscal year with its own segments, 2 periods at least
 * and the global minimum net sales; by ISO week over 6 rolling months.
 */
SQL_CASES.xyz = {
  columns: SUPERSTORE_COLUMNS,
  segmentTypes: [
    ABC_80_15_5,
    { name: 'XYZ', kind: 'xyz', period: 'quarter', abcType: 'sales abc', combined: true, segments: [{ name: 'X', maxCv: 1 }, { name: 'Y', maxCv: 1.6 }, { name: 'Z' }] },
    { name: 'Units XYZ', kind: 'xyz', measure: 'quantity', period: 'month', minPeriods: 2, unclassified: `Too few ${NASTY}`, segments: [{ name: 'Steady', maxCv: 1.5 }, { name: 'Erratic' }] },
  ],
};
SQL_CASES['xyz-windows'] = {
  ...SQL_CASES.xyz,
  minimumNetSales: 200,
  window: { kind: 'year', year: 2017, startMonth: 7 },
};
SQL_CASES['xyz-weeks'] = {
  columns: SUPERSTORE_COLUMNS,
  window: { kind: 'rolling', months: 6 },
  segmentTypes: [{ name: 'Weekly XYZ', kind: 'xyz', period: 'week', minPeriods: 2, segments: [{ name: 'X', maxCv: 3 }, { name: 'Y', maxCv: 5 }, { name: 'Z' }] }],
};

/**
 * Loyalty over 12 rolling months: 0.1 point per currency unit and 5 per order (taken back by a returned
 * order), Technology lines replaced by a non-cumulative rule (0.25 per unit of currency, out of the
 * program rates), 2 points per unit on paper and binders on top (cumulative); levels with discounts and
 * rewards whose names hold NASTY. The second type rounds to halves and matches on a role ("product").
 */
SQL_CASES.loyalty = {
  columns: SUPERSTORE_COLUMNS,
  window: { kind: 'rolling', months: 12 },
  segmentTypes: [
    {
      name: 'Club',
      kind: 'loyalty',
      perCurrency: 0.1,
      perOrder: 5,
      rules: [
        { match: { column: 'Category', in: ['Technology'] }, perCurrency: 0.25, cumulative: false },
        { match: { column: 'Sub-Category', in: ['Paper', 'Binders', NASTY] }, perUnit: 2, cumulative: true },
      ],
      levels: [
        { name: 'Member', minPoints: 0 },
        { name: 'Silver', minPoints: 200, discount: 5 },
        { name: `Gold ${NASTY}`, minPoints: 1000, discount: 12.5 },
      ],
      rewards: [
        { name: 'Voucher', cost: 100 },
        { name: `Gift ${NASTY}`, minPoints: 500, cost: 250 },
      ],
    },
    {
      name: 'Halves',
      kind: 'loyalty',
      perCurrency: 0.013,
      perUnit: 0.3,
      rounding: 0.5,
      rules: [{ match: { column: 'product', in: ['OFF-PA-10001970', 'TEC-AC-10003832'] }, perUnit: 7.25, cumulative: true }],
      levels: [
        { name: 'Bronze', minPoints: 10 },
        { name: 'Silver', minPoints: 50.5 },
      ],
      demote: true,
    },
  ],
};

/**
 * Activity over the calendar year 2017 with a region filtered out: a state of mind over 24 periods of 30
 * days (reaching back into 2016), optional lines on points (of the loyalty type named), days since the
 * last purchase and orders; a second type with its own decay whose mandatory line holds for customers
 * who never bought in the filtered lines (Infinity days), and one without criteria (everyone matches).
 */
SQL_CASES.activity = {
  columns: SUPERSTORE_COLUMNS,
  window: { kind: 'year', year: 2017, startMonth: 1 },
  filters: [{ column: 'Region', notIn: ['South'] }],
  segmentTypes: [
    { name: 'Points', kind: 'loyalty', perCurrency: 1, levels: [{ name: 'In', minPoints: 0 }] },
    {
      name: 'Engaged',
      kind: 'activity',
      category: `Engaged ${NASTY}`,
      periods: 24,
      loyalty: 'points',
      criteria: [
        { measure: 'som', operator: '>=', value: 0.3 },
        { measure: 'points', operator: '>=', value: 2000, mandatory: false },
        { measure: 'lastPurchaseDays', operator: '<=', value: 20, mandatory: false },
        { measure: 'orders', operator: '>', value: 4, mandatory: false },
      ],
    },
    {
      name: 'Lapsed',
      kind: 'activity',
      category: 'Lapsed',
      periodDays: 90,
      periods: 8,
      initial: 1,
      decrease: 0.5,
      exclusive: true,
      criteria: [
        { measure: 'lastPurchaseDays', operator: '>=', value: 120 },
        { measure: 'profit', operator: '<', value: 0, mandatory: false },
        { measure: 'sales', operator: '!=', value: 0, mandatory: false },
      ],
    },
    { name: 'Everyone', kind: 'activity', category: 'All', periods: 3, decrease: 0 },
  ],
};

/** The RFM 12 type runs over 12 rolling months: the window is the configuration's, so a case of its own. */
SQL_CASES['rfm-rolling'] = { ...SQL_CASES.rfm, window: { kind: 'rolling', months: 12 } };

/**
 * A hand-made table. Sales in 2017 (the window below is 2017): K1 40, K2 20, K3 20 (a tie), K4 10, K5 10
 * (a tie) of 100; K6 0.1 + 0.2 against K7 0.3 (equal within the engine's tolerance); K8 -5 (a return
 * only: not ranked); K9 only on 2017-01-15, a day before the window (which would
 * hold it, and change every segment, if the window ended on the latest date after the filters); K10 only in the East, filtered out, with
 * the latest date of all (2018-01-31), so the window end stays there; a row with a blank customer and a
 * row with a blank amount are left out.
 */
export const HAND_HEADER = ['Line', 'Customer', 'Name', 'Date', 'Amount', 'Region'];
export const HAND_ROWS: Cell[][] = [
  [1, 'K1', 'Kay', '2017-02-01', 40, 'West'],
  [2, 'K2', 'Kim', '2017-03-01', 20, 'West'],
  [3, 'K3', 'Kai', '2017-04-01', 20, 'West'],
  [4, 'K4', '', '2017-05-01', 10, 'West'],
  [5, 'K5', 'Ken', '2017-06-01', 10, 'West'],
  [6, 'K6', 'Kat', '2017-07-01', 0.1, 'West'],
  [7, 'K6', 'Kat B', '2017-07-02', 0.2, 'West'],
  [8, 'K7', 'Kip', '2017-08-01', 0.3, 'West'],
  [9, 'K8', 'Kit', '2017-09-01', -5, 'West'],
  [10, 'K9', 'Kev', '2017-01-15', 99, 'West'],
  [11, 'K10', 'Kia', '2018-01-31', 500, 'East'],
  [12, '', 'Nobody', '2017-10-01', 5, 'West'],
  [13, 'K1', 'Kay', '2017-10-01', null, 'West'],
];

/** 12 rolling months ending on the latest date before filters (2018-01-31): 2017-02-01 to 2018-01-31. */
export const HAND_CONFIG = (boundary: 'upper' | 'lower'): Partial<ConfigInput> => ({
  columns: { customer: 'Customer', customerName: 'Name', date: 'Date', amount: 'Amount' },
  window: { kind: 'rolling', months: 12 },
  filters: [{ column: 'Region', in: ['West'] }],
  segmentTypes: [{ ...ABC_80_15_5, boundary }],
});

/**
 * Worked by hand (total of positive sales 100.6): upper: K1 (ahead 0) A; K2 K3 (ahead 0.398) A; K4 K5 (ahead
 * 0.795) A, since 0.8 is above 0.795; K6 K7 (ahead 0.994) C; K8 (-5) and K9 (no line in the window) C.
 * lower: K1 (0.398) A; K2 K3 (0.795) A; K4 K5 (0.994) C; K6 K7 (1.0) C.
 */
export const HAND_EXPECTED = {
  upper: { K1: 'A', K2: 'A', K3: 'A', K4: 'A', K5: 'A', K6: 'C', K7: 'C', K8: 'C', K9: 'C' },
  lower: { K1: 'A', K2: 'A', K3: 'A', K4: 'C', K5: 'C', K6: 'C', K7: 'C', K8: 'C', K9: 'C' },
};
