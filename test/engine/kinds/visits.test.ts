// Visit planning: a visit frequency on any segment, a visits range, and compliance per segment.
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { Cell } from '../../../src/engine/types';
import type { ConfigInput } from '../../../src/engine/config';
import { segment } from '../../../src/engine/run';
import { config, table } from '../../support/tables';
import { column, headers, issueTexts, run } from './support';
import { VISIT_SALES, VISIT_SALES_HEADER, VISIT_TIER, VISITS, VISITS_HEADER } from '../../support/visits';

const H = VISIT_SALES_HEADER;
const SALES = VISIT_SALES;
const TIER = VISIT_TIER;
const visits = table(VISITS_HEADER, VISITS, 'Visits');
// Excel serial of a day (1900 system): days since 1899-12-30.
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('visit planning', () => {
  const r = run(H, SALES, { segmentTypes: [TIER] }, { sources: { visits } });

  test('last visit, next visit due and overdue days, counted to the window end', () => {
    expect(headers(r).filter((h) => h.startsWith('Tier'))).toEqual(['Tier', 'Tier (last visit)', 'Tier (next visit due)', 'Tier (overdue days)']);
    expect(column(r, 'Tier')).toEqual({ k1: 'Key', k2: 'Key', k3: 'Small', k4: 'Small' });
    expect(column(r, 'Tier (last visit)')).toEqual({ k1: serial('2024-03-21'), k2: serial('2024-02-10'), k3: null, k4: serial('2024-01-05') });
    // A customer never visited is due now (on the window end) and is not overdue yet.
    expect(column(r, 'Tier (next visit due)')).toEqual({ k1: serial('2024-04-20'), k2: serial('2024-03-11'), k3: serial('2024-03-31'), k4: serial('2024-04-04') });
    expect(column(r, 'Tier (overdue days)')).toEqual({ k1: 0, k2: 20, k3: 0, k4: 0 });
  });

  test('compliance per segment: customers visited within their frequency / customers in the segment', () => {
    // Small: k4 in time (86 <= 90), k3 never visited: 1 / 2. Key: k1 in time (10 <= 30), k2 not (50 > 30): 1 / 2.
    expect(r.types[0].visitCompliance).toEqual([
      { segment: 'Small', visitEveryDays: 90, customers: 2, visitedInTime: 1, share: 0.5 },
      { segment: 'Key', visitEveryDays: 30, customers: 2, visitedInTime: 1, share: 0.5 },
    ]);
  });

  test('in a workbook on the 1904 date system, the dates written back are 1904 serials', () => {
    // The same day is 1,462 lower in the 1904 system (1904-01-01 is serial 0 there, 1,462 in the 1900 one).
    const r1904 = segment({ ...table(H, SALES), date1904: true }, config({ segmentTypes: [TIER] as ConfigInput['segmentTypes'] }), undefined, { visits });
    expect(column(r1904, 'Tier (last visit)')).toEqual({ k1: serial('2024-03-21') - 1462, k2: serial('2024-02-10') - 1462, k3: null, k4: serial('2024-01-05') - 1462 });
  });

  test('an unreadable visit date is reported with its cell and left out', () => {
    expect(issueTexts(r)).toContain('Visits!B7: the visit date is not a date; the visit is not counted');
  });

  test('no visits range, or no visit frequency: no visit columns', () => {
    const without = run(H, SALES, { segmentTypes: [TIER] });
    expect(headers(without).some((h) => h.includes('visit'))).toBe(false);
    expect(without.types[0].visitCompliance).toBeUndefined();
    const noFrequency = run(H, SALES, { segmentTypes: [{ ...TIER, bands: [{ name: 'Small', max: 100 }, { name: 'Key', min: 100 }] }] }, { sources: { visits } });
    expect(headers(noFrequency).some((h) => h.includes('visit'))).toBe(false);
  });

  test('the command line reads a visits file and writes the dates as YYYY-MM-DD', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierwise-visits-'));
    const csv = (rows: Cell[][]) => rows.map((r) => r.join(',')).join('\n');
    writeFileSync(join(dir, 'sales.csv'), csv([H, ...SALES]));
    writeFileSync(join(dir, 'visits.csv'), csv([['Customer', 'Visit date'], ...VISITS]));
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ version: 1, segmentTypes: [TIER] }));
    const err: string[] = [];
    const status = await main(['segment', join(dir, 'sales.csv'), '--config', join(dir, 'config.json'), '--visits', join(dir, 'visits.csv'), '--out', join(dir, 'out.csv')], {
      out: () => undefined,
      err: (s) => err.push(s),
    });
    expect(status).toBe(0);
    const [head, ...lines] = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\r\n');
    expect(head).toBe('Customer,Customer name,Sales,Tier,Tier (last visit),Tier (next visit due),Tier (overdue days)');
    expect(lines[0]).toBe('k1,,500,Key,2024-03-21,2024-04-20,0');
    expect(lines[2]).toBe('k3,,50,Small,,2024-03-31,0');
    expect(err.join('')).toMatch(/B7: the visit date is not a date/);
  });
});
