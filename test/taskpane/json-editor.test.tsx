/**
 * @jest-environment jsdom
 */
// The JSON editor that serves loyalty, activity, profiles and RFM until they get forms of their own.
import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { defaultConfig, SEGMENT_KINDS, type SegmentType } from '../../src/engine/config';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { SegmentEditor } from '../../src/taskpane/components/SegmentEditor';
import { checkDraft } from '../../src/taskpane/state/validation';
import { renderPane } from './render';

function Harness({ start, onValue }: { start: SegmentType; onValue: (t: SegmentType) => void }) {
  const [type, setType] = useState<SegmentType>(start);
  const issues = checkDraft({ ...defaultConfig(), segmentTypes: [type] }).issues;
  return (
    <SegmentEditor
      type={type}
      index={0}
      issues={issues}
      onRename={(name) => setType({ ...type, name })}
      onChange={(t) => {
        setType(t);
        onValue(t);
      }}
    />
  );
}

describe('every kind has an editor', () => {
  test.each(SEGMENT_KINDS.map((k) => [k]))('a new %s segment type is valid as created', (kind) => {
    const created = EDITORS[kind].create('New');
    expect(created.kind).toBe(kind);
    expect(checkDraft({ ...defaultConfig(), segmentTypes: [created] }).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('JSON editor', () => {
  const loyalty = EDITORS.loyalty.create('Loyalty');

  test('an edit that is valid JSON updates the segment type; name and kind stay', () => {
    let last: SegmentType | undefined;
    renderPane(<Harness start={loyalty} onValue={(t) => (last = t)} />);
    const box = screen.getByRole('textbox', { name: /Settings of "Loyalty"/ });
    const settings = JSON.parse((box as HTMLTextAreaElement).value);
    fireEvent.change(box, { target: { value: JSON.stringify({ ...settings, perCurrency: 2 }) } });
    expect(last).toMatchObject({ name: 'Loyalty', kind: 'loyalty', perCurrency: 2 });
  });

  test('text that is not JSON yet is kept and explained, and the segment type is not changed', () => {
    const seen: SegmentType[] = [];
    renderPane(<Harness start={loyalty} onValue={(t) => seen.push(t)} />);
    const box = screen.getByRole('textbox', { name: /Settings of "Loyalty"/ });
    fireEvent.change(box, { target: { value: '{ "perCurrency": ' } });
    expect((box as HTMLTextAreaElement).value).toBe('{ "perCurrency": ');
    expect(screen.getByText(/not valid JSON yet/)).toBeTruthy();
    expect(seen).toEqual([]);
  });

  test("the schema's problems show with their path inside the segment type", () => {
    renderPane(<Harness start={loyalty} onValue={() => undefined} />);
    const box = screen.getByRole('textbox', { name: /Settings of "Loyalty"/ });
    const settings = JSON.parse((box as HTMLTextAreaElement).value);
    fireEvent.change(box, { target: { value: JSON.stringify({ ...settings, levels: [] }) } });
    expect(screen.getByText('levels: a loyalty program needs at least one level')).toBeTruthy();
  });
});
