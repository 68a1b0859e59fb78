/**
 * @jest-environment jsdom
 */
// The loyalty, activity and RFM forms: each field edits the segment type as the engine's schema reads it, and
// the schema's problems show under the field they belong to.
import { fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import type { SegmentType } from '../../src/engine/config';
import type { ActivityType } from '../../src/engine/activity-schema';
import type { LoyaltyType } from '../../src/engine/loyalty-schema';
import type { RfmType } from '../../src/engine/rfm-schema';
import { readCutPoints } from '../../src/taskpane/components/editors/CutPointsField';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { EditorHarness, renderPane } from './render';

// axe reads the RFM grid's 66 score lists: seconds in jsdom on a busy machine.
jest.setTimeout(40_000);

const loyalty = EDITORS.loyalty.create('Loyalty') as LoyaltyType;
const rfm = EDITORS.rfm.create('RFM') as RfmType;
const activity = EDITORS.activity.create('Activity') as ActivityType;
const box = (name: string | RegExp, scope: HTMLElement = document.body) => within(scope).getByRole('textbox', { name }) as HTMLInputElement;

describe('loyalty form', () => {
  it('shows the program rates, levels and rewards as fields', () => {
    renderPane(<EditorHarness start={loyalty} />);
    expect(box('Points per unit of currency').value).toBe('1');
    expect(box('Round points to a multiple of').value).toBe('1');
    const levels = screen.getByRole('group', { name: 'Levels' });
    expect(within(levels).getAllByRole('group', { name: /^Level / }).map((g) => g.getAttribute('aria-label'))).toEqual(['Level Bronze', 'Level Silver', 'Level Gold']);
    expect(box('Silver: from points earned').value).toBe('2,000');
    expect(screen.getByRole('switch', { name: /demote/ })).toHaveProperty('checked', false);
  });

  it('edits rates, rounding, demotion, levels and rewards', () => {
    let last: LoyaltyType | undefined;
    renderPane(<EditorHarness start={loyalty} onValue={(t) => (last = t as LoyaltyType)} />);
    fireEvent.change(box('Points per order'), { target: { value: '10' } });
    expect(last?.perOrder).toBe(10);
    fireEvent.change(box('Round points to a multiple of'), { target: { value: '0.5' } });
    expect(last?.rounding).toBe(0.5);
    fireEvent.click(screen.getByRole('switch', { name: /demote/ }));
    expect(last?.demote).toBe(true);
    fireEvent.change(box('Gold: discount (%)'), { target: { value: '5' } });
    expect(last?.levels[2]).toEqual({ name: 'Gold', minPoints: 5000, discount: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Add level' }));
    // a new level goes on top, 1,000 points above the highest
    expect(last?.levels[3]).toEqual({ name: 'New level', minPoints: 6000 });
    fireEvent.click(screen.getByRole('button', { name: 'Add reward' }));
    expect(last?.rewards).toEqual([{ name: 'New reward', minPoints: 0, cost: 100 }]);
    fireEvent.change(box('New reward: cost in points'), { target: { value: '250' } });
    expect(last?.rewards[0].cost).toBe(250);
    // the only reward can be removed: a program may have none
    fireEvent.click(screen.getByRole('button', { name: 'Remove New reward' }));
    expect(last?.rewards).toEqual([]);
    // name and kind are untouched; the rules stay as they were
    expect(last).toMatchObject({ name: 'Loyalty', kind: 'loyalty', rules: [] });
  });

  it('shows the schema problem under its field: levels must go up', () => {
    renderPane(<EditorHarness start={loyalty} />);
    fireEvent.change(box('Gold: from points earned'), { target: { value: '1500' } });
    expect(screen.getByText('list the levels from the lowest to the highest: "Gold" needs more points than "Silver" (2000)')).toBeTruthy();
  });

  it('shows the problems of the parts edited as JSON (rules) even while that section is closed', () => {
    const ruled = { ...loyalty, rules: [{ match: { column: 'Category', in: [] }, perUnit: 0, perCurrency: 2, cumulative: false }] } as unknown as LoyaltyType;
    renderPane(<EditorHarness start={ruled} />);
    expect(screen.getByText('rules[0].match.in: a rule needs at least one value to match')).toBeTruthy();
    expect(screen.getByText(/1 rule by product, category or column/)).toBeTruthy();
  });

  it('keeps a typo in the box with a message and does not change the type', () => {
    const seen: SegmentType[] = [];
    renderPane(<EditorHarness start={loyalty} onValue={(t) => seen.push(t)} />);
    fireEvent.change(box('Points per unit sold'), { target: { value: '2x' } });
    expect(box('Points per unit sold').value).toBe('2x');
    expect(screen.getByText('"2x" is not a number')).toBeTruthy();
    expect(seen).toEqual([]);
  });
});

describe('activity form', () => {
  it('edits the category, the state of mind settings and exclusivity', () => {
    let last: ActivityType | undefined;
    renderPane(<EditorHarness start={activity} onValue={(t) => (last = t as ActivityType)} />);
    expect(box('Category given to matching customers').value).toBe('Active buyer');
    fireEvent.change(box('Category given to matching customers'), { target: { value: 'Regular' } });
    expect(last?.category).toBe('Regular');
    fireEvent.change(box('Days per period'), { target: { value: '30' } });
    expect(last?.periodDays).toBe(30);
    fireEvent.change(box('Decrease factor (0 to 1)'), { target: { value: '1.5' } });
    expect(screen.getByText('decrease is between 0 and 1')).toBeTruthy();
    fireEvent.click(screen.getByRole('switch', { name: /Exclusive/ }));
    expect(last?.exclusive).toBe(false);
  });

  it('adds, edits and removes criteria lines', () => {
    let last: ActivityType | undefined;
    renderPane(<EditorHarness start={activity} onValue={(t) => (last = t as ActivityType)} />);
    expect(box('Value of line 1').value).toBe('0.6');
    fireEvent.click(screen.getByRole('button', { name: 'Add criteria line' }));
    expect(last?.criteria).toHaveLength(2);
    fireEvent.change(box('Value of line 2'), { target: { value: '180' } });
    const line2 = screen.getByRole('group', { name: 'Criteria line 2' });
    fireEvent.click(within(line2).getByRole('switch', { name: /Mandatory/ }));
    expect(last?.criteria[1]).toEqual({ measure: 'som', operator: '>=', value: 180, mandatory: false });
    fireEvent.click(screen.getByRole('combobox', { name: 'Measure of line 2' }));
    fireEvent.click(screen.getByRole('option', { name: 'Days since last purchase' }));
    fireEvent.click(screen.getByRole('combobox', { name: 'Comparison of line 2' }));
    fireEvent.click(screen.getByRole('option', { name: '<=' }));
    expect(last?.criteria[1]).toEqual({ measure: 'lastPurchaseDays', operator: '<=', value: 180, mandatory: false });
    fireEvent.click(screen.getByRole('button', { name: 'Remove line 1' }));
    expect(last?.criteria).toEqual([{ measure: 'lastPurchaseDays', operator: '<=', value: 180, mandatory: false }]);
  });
});

describe('RFM form', () => {
  it('sets the number of scores with a spin button', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    const spin = screen.getByRole('spinbutton', { name: /Scores/ }) as HTMLInputElement;
    expect(spin.value).toBe('5');
    fireEvent.change(spin, { target: { value: '4' } });
    fireEvent.blur(spin);
    expect(last?.scores).toBe(4);
    // the segment table is carried over to 4 scores (rfm-table.ts; the grid's own tests in rfm-grid.test.tsx): no problem
    expect(last?.segments[0]).toEqual({ name: 'Champions', r: [4, 4], f: [3, 4] });
    expect(document.querySelectorAll('[role="alert"]')).toHaveLength(0);
  });

  it('reads custom cut points separated by semicolons; blank goes back to quantiles', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    fireEvent.change(box(/Recency cut points/), { target: { value: '30; 90; 180; 365' } });
    expect(last?.cuts).toEqual({ recency: [30, 90, 180, 365] });
    fireEvent.change(box(/Frequency cut points/), { target: { value: '1; 2; 3' } });
    // 5 scores need 4 cut points: the schema's message, under the field
    expect(screen.getByText('5 scores need 4 cut points, not 3')).toBeTruthy();
    fireEvent.change(box(/Recency cut points/), { target: { value: '' } });
    expect(last?.cuts).toEqual({ frequency: [1, 2, 3] });
  });

  it('keeps text that is not a number in the box and the last readable cut points in the type', () => {
    let last: RfmType | undefined;
    renderPane(<EditorHarness start={rfm} onValue={(t) => (last = t as RfmType)} />);
    fireEvent.change(box(/Monetary cut points/), { target: { value: '100; 500; 1000; 5000' } });
    fireEvent.change(box(/Monetary cut points/), { target: { value: '100; 500; lots; 5000' } });
    expect(box(/Monetary cut points/).value).toBe('100; 500; lots; 5000');
    expect(screen.getByText('"lots" is not a number; separate the cut points with ";"')).toBeTruthy();
    expect(last?.cuts).toEqual({ monetary: [100, 500, 1000, 5000] });
  });

  it('reads cut points in the user locale (decimal comma)', () => {
    expect(readCutPoints('1,5; 2,5', 'de-DE')).toEqual({ value: [1.5, 2.5] });
    expect(readCutPoints(' ; ', 'en-US')).toEqual({ value: undefined });
    expect(readCutPoints('1; x', 'en-US')).toEqual({ wrong: 'x' });
  });

  it('keeps the whole type, named segments included, reachable as JSON under the form', () => {
    renderPane(<EditorHarness start={rfm} />);
    fireEvent.click(screen.getByRole('button', { name: /All settings as JSON/ }));
    const json = JSON.parse(box(/Settings of "RFM"/).value);
    expect(json.segments.map((s: { name: string }) => s.name)).toContain('Champions');
  });
});

describe('accessibility', () => {
  test.each([
    ['loyalty', loyalty],
    ['RFM', rfm],
    ['activity', activity],
  ])('the %s form has no axe violations', async (_, start) => {
    const { container } = renderPane(<EditorHarness start={start} />);
    const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
