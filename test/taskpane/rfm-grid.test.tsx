/**
 * @jest-environment jsdom
 */
// The RFM segment grid: one row per named segment with its R, F and M score ranges, its live count from
// the preview, and plain messages (an empty range, a segment the ones above hide, scores left to
// Others) whose links focus the box that fixes them. Changing the number of scores carries the ranges
// over in one undoable edit.
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { defaultConfig } from '../../src/engine/config';
import type { RfmType } from '../../src/engine/rfm-schema';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { SETTINGS_CONFIG } from '../../src/plan/owned';
import { Pane } from '../../src/taskpane/components/Pane';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { paneWhere } from '../../src/taskpane/state/where';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { EditorHarness, renderPane } from './render';

jest.setTimeout(40_000);
configure({ asyncUtilTimeout: 15_000 });

const rfm = EDITORS.rfm.create('RFM') as RfmType;
// By the aria-label attribute (the accessible name of these controls), not by role: Testing Library's
// role and label queries take seconds each on a grid of 66 lists in jsdom.
function byLabel<E extends Element>(selector: string, name: string): E {
  const found = document.querySelector<E>(`${selector}[aria-label="${name.replace(/"/g, '\\"')}"]`);
  if (!found) throw new Error(`no ${selector} labelled "${name}"`);
  return found;
}
const select = (name: string) => byLabel<HTMLSelectElement>('select', name);
const choose = (name: string, value: number) => fireEvent.change(select(name), { target: { value: String(value) } });
const segment = (name: string) => byLabel<HTMLElement>('[role="group"]', `Segment ${name}`);
const button = (name: string) => byLabel<HTMLButtonElement>('button', name);
const scoresBox = () => document.querySelector<HTMLInputElement>('input[role="spinbutton"]')!;
const countOf = (name: string) => within(segment(name)).getByTestId('rfm-segment-count').textContent;

describe('paneWhere', () => {
  it('names a score range bound as the grid labels it', () => {
    const config = { ...defaultConfig(), segmentTypes: [rfm] };
    expect(paneWhere('segmentTypes[0].segments[7].r[0]', config)).toBe('RFM > At risk: R from');
    expect(paneWhere('segmentTypes[0].segments[0].f[1]', config)).toBe('RFM > Champions: F to');
    expect(paneWhere('segmentTypes[0].segments[0].m', config)).toBe('RFM > Champions: M');
    expect(paneWhere('segmentTypes[0].cuts.recency', config)).toBe('RFM: cuts');
  });
});

describe('the grid in the editor', () => {
  it('shows each segment of the default table with its ranges; a missing letter reads 1 to 5 (any score)', () => {
    renderPane(<EditorHarness start={rfm} />);
    const rows = within(byLabel<HTMLElement>('[role="group"]', 'Named segments')).getAllByTestId('rfm-segment');
    expect(rows).toHaveLength(11);
    expect([select('Champions: R from').value, select('Champions: R to').value, select('Champions: F from').value, select('Champions: F to').value]).toEqual(['5', '5', '4', '5']);
    expect([select('Champions: M from').value, select('Champions: M to').value]).toEqual(['1', '5']);
    expect(Array.from(select('At risk: R to').options).map((o) => o.value)).toEqual(['1', '2', '3', '4', '5']);
    // The default table takes every cell: no warning.
    expect(screen.queryByTestId('rfm-others-cells')).toBeNull();
    expect(screen.queryByText(/can never match/)).toBeNull();
  });

  it('5 -> 3 scores carries every range over: no error, the usual 3 x 3 map, two segments left without scores', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    const spin = scoresBox();
    fireEvent.change(spin, { target: { value: '3' } });
    fireEvent.blur(spin);
    expect(last?.scores).toBe(3);
    // By hand in test/engine/rfm-table.test.ts: Champions R 5 F 4-5 -> R 3 F 3, At risk R 1-2 F 3-4 -> R 1 F 2.
    expect(last?.segments[0]).toEqual({ name: 'Champions', r: [3, 3], f: [3, 3] });
    expect(last?.segments[7]).toEqual({ name: 'At risk', r: [1, 1], f: [2, 2] });
    expect([select('Champions: R from').value, select('Champions: F from').value, select('At risk: F to').value]).toEqual(['3', '3', '2']);
    expect(Array.from(select('Champions: M to').options).map((o) => o.value)).toEqual(['1', '2', '3']);
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(0);
    // New takes R 3 F 1 before Promising, Hibernating R 1 F 1 before Lost.
    expect(within(segment('Promising')).getByText(/^Promising can never match: the segments above it take every score it covers/)).toBeTruthy();
    expect(within(segment('Lost')).getByText(/^Lost can never match/)).toBeTruthy();
    expect(screen.getAllByText(/can never match/)).toHaveLength(2);
  });

  it('the default table saved with 3 scores (written by hand): each bound says so, and choosing 5 makes it valid', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={{ ...rfm, scores: 3 }} onValue={(t) => (last = t as RfmType)} />);
    // Champions R 5-5 F 4-5: four bounds past 3. A bound outside the scores stays shown in its list.
    expect(
      within(segment('Champions'))
        .getAllByRole('alert')
        .map((a) => a.textContent),
    ).toEqual([
      'R scores run from 1 to 3, not 5 (the default segment table is written for 5 scores)', // said once for both bounds
      'F scores run from 1 to 3, not 4 (the default segment table is written for 5 scores) F scores run from 1 to 3, not 5 (the default segment table is written for 5 scores)',
    ]);
    expect(Array.from(select('Champions: R from').options).map((o) => o.value)).toEqual(['1', '2', '3', '5']);
    expect(select('Champions: R from').value).toBe('5');
    const spin = scoresBox();
    fireEvent.change(spin, { target: { value: '5' } });
    fireEvent.blur(spin);
    // Not written for 3 scores, the table is not carried over: it is the default table again.
    expect(last?.segments).toEqual(rfm.segments);
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(0);
  });

  it('an empty range says so under its letter; fixing it clears the message', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    choose('At risk: R from', 4); // At risk is R 1-2: from 4 to 2 holds no score
    expect(last?.segments[7].r).toEqual([4, 2]);
    const message = segment('At risk').querySelector('[role="alert"]')!;
    expect(message.textContent).toBe('no R score is from 4 to 2: "from" must not be above "to"');
    expect(select('At risk: R from').getAttribute('aria-invalid')).toBe('true');
    expect(select('At risk: R from').getAttribute('aria-describedby')).toBe(message.id);
    choose('At risk: R to', 5);
    expect(segment('At risk').querySelector('[role="alert"]')).toBeNull();
  });

  it('a range over every score is stored as none, and what no segment takes is listed as Others', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    choose('Champions: F from', 1);
    expect(last?.segments[0]).toEqual({ name: 'Champions', r: [5, 5] }); // F 1 to 5: any F
    // Without Lost (R 1, F 1-2), R 1 F 1 and R 1 F 2 belong to nobody.
    fireEvent.click(button('Remove Lost'));
    expect(screen.getByTestId('rfm-others-cells').textContent).toBe('No segment takes these scores, so their customers are in Others: R 1 F 1, R 1 F 2. Widen a range or add a segment to name them.');
    // A new segment matches any score: at the end it takes them.
    fireEvent.click(screen.getByText('Add segment', { selector: 'button' }));
    expect(last?.segments.at(-1)).toEqual({ name: 'New segment' });
    expect(screen.queryByTestId('rfm-others-cells')).toBeNull();
  });

  it('reorders: moved below Loyal, Champions can never match (Loyal R 3-4 takes none of R 5, so it still can)', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    fireEvent.click(button('Move Champions down'));
    expect(last?.segments.slice(0, 2).map((s) => s.name)).toEqual(['Loyal', 'Champions']);
    expect(screen.queryByText(/can never match/)).toBeNull();
    // New (R 5 F 1) above Champions does not hide it either; a segment with no ranges above it does.
    fireEvent.click(screen.getByText('Add segment', { selector: 'button' }));
    for (let i = 0; i < 11; i++) fireEvent.click(button('Move New segment up'));
    expect(last?.segments[0].name).toBe('New segment');
    expect(screen.getAllByText(/can never match/)).toHaveLength(11);
  });

  it('has no axe violations', async () => {
    const { container } = renderPane(<EditorHarness start={rfm} />);
    choose('At risk: R from', 4);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});

/*
 * Six customers, one line each, latest sale 2024-12-31 (the window end); 3 scores.
 * Recency days a 0, b 30, c 61, d 91, e 213, f 365: cut points at positions ceil(k x 6 / 3) = 2 and 4 of
 * the sorted days, 30 and 91; scores before reversal 1 1 2 2 3 3, so R = a 3, b 3, c 2, d 2, e 1, f 1.
 * Table: Recent R 3, Middle R 2, Old R 1 -> 2, 2 and 2 customers (33.3 % each).
 */
function workbook(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Order Date', 'Sales'],
    ['a', '2024-12-31', 600],
    ['b', '2024-12-01', 500],
    ['c', '2024-10-31', 400],
    ['d', '2024-10-01', 300],
    ['e', '2024-06-01', 200],
    ['f', '2024-01-01', 100],
  ]);
  const type = {
    name: 'RFM',
    kind: 'rfm',
    scores: 3,
    segments: [
      { name: 'Recent', r: [3, 3] },
      { name: 'Middle', r: [2, 2] },
      { name: 'Old', r: [1, 1] },
    ],
  };
  wb.settings.set(SETTINGS_CONFIG, JSON.stringify({ ...defaultConfig(), segmentTypes: [type] }));
  return wb;
}

describe('the grid in the pane', () => {
  it('shows live counts: widening a range moves customers, a hidden segment and Others say so', async () => {
    renderPane(<Pane host={new MemoryHost(workbook())} engine={new InProcessClient()} />);
    await waitFor(() => expect(countOf('Recent')).toBe('2 customers (33.3%)'));
    expect([countOf('Middle'), countOf('Old')]).toEqual(['2 customers (33.3%)', '2 customers (33.3%)']);
    expect(screen.getByTestId('rfm-others-count').textContent).toBe('0 customers (0.0%)');
    // Recent R 2-3 takes c and d from Middle, which can never match now.
    choose('Recent: R from', 2);
    await waitFor(() => expect(countOf('Recent')).toBe('4 customers (66.7%)'));
    expect(countOf('Middle')).toBe('0 customers (0.0%)');
    expect(within(segment('Middle')).getByText(/^Middle can never match/)).toBeTruthy();
    // Without Old, R 1 (e and f) is nobody's: Others.
    fireEvent.click(button('Remove Old'));
    await waitFor(() => expect(screen.getByTestId('rfm-others-count').textContent).toBe('2 customers (33.3%)'));
    expect(screen.getByTestId('rfm-others-cells').textContent).toContain('R 1 F 1, R 1 F 2, R 1 F 3.');
  });

  it('3 -> 5 scores is one edit: no problem after it, one Ctrl+Z takes the scores and the ranges back', async () => {
    renderPane(<Pane host={new MemoryHost(workbook())} engine={new InProcessClient()} />);
    await waitFor(() => expect(countOf('Recent')).toBe('2 customers (33.3%)'));
    const spin = scoresBox();
    fireEvent.change(spin, { target: { value: '5' } });
    fireEvent.blur(spin);
    // Recent R 3 of 3 -> R 4-5 of 5; Middle R 2 -> R 3; Old R 1 -> R 1-2.
    await waitFor(() => expect([select('Recent: R from').value, select('Recent: R to').value]).toEqual(['4', '5']));
    expect([select('Middle: R from').value, select('Middle: R to').value, select('Old: R from').value, select('Old: R to').value]).toEqual(['3', '3', '1', '2']);
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(0);
    // 5 scores over 6 customers, recency cuts at positions 2, 3, 4, 5: 30, 61, 91, 213 -> R a 5, b 5, c 4,
    // d 3, e 2, f 1. Recent (R 4-5) a b c; Middle (R 3) d; Old (R 1-2) e f.
    await waitFor(() => expect(countOf('Recent')).toBe('3 customers (50.0%)'));
    expect([countOf('Middle'), countOf('Old')]).toEqual(['1 customer (16.7%)', '2 customers (33.3%)']);
    fireEvent.keyDown(byLabel<HTMLElement>('main', 'Tierwise'), { key: 'z', ctrlKey: true });
    await waitFor(() => expect((scoresBox() as HTMLInputElement).value).toBe('3'));
    expect([select('Recent: R from').value, select('Middle: R from').value, select('Old: R to').value]).toEqual(['3', '2', '1']);
  });

  it('an empty range reads "RFM > Middle: R from" in the Apply step, and its link focuses that box', async () => {
    renderPane(<Pane host={new MemoryHost(workbook())} engine={new InProcessClient()} />);
    await waitFor(() => expect(countOf('Recent')).toBe('2 customers (33.3%)'));
    choose('Middle: R from', 3);
    fireEvent.click(screen.getByRole('tab', { name: 'Apply' }));
    const link = await screen.findByRole('button', { name: 'RFM > Middle: R from' });
    expect(link.closest('li')?.textContent).toBe('RFM > Middle: R from: no R score is from 3 to 2: "from" must not be above "to"');
    fireEvent.click(link);
    await waitFor(() => expect(document.activeElement).toBe(select('Middle: R from')));
  });
});
