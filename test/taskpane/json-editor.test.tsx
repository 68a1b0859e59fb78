/**
 * @jest-environment jsdom
 */
// The JSON editor that serves profiles until they get a form of their own (and the JSON section under
// the loyalty, activity and RFM forms).
import { fireEvent, screen } from '@testing-library/react';
import { defaultConfig, SEGMENT_KINDS, type SegmentType } from '../../src/engine/config';
import { EDITORS } from '../../src/taskpane/components/editors/registry';
import { checkDraft } from '../../src/taskpane/state/validation';
import { EditorHarness, renderPane } from './render';

describe('every kind has an editor', () => {
  test.each(SEGMENT_KINDS.map((k) => [k]))('a new %s segment type is valid as created', (kind) => {
    const created = EDITORS[kind].create('New');
    expect(created.kind).toBe(kind);
    expect(checkDraft({ ...defaultConfig(), segmentTypes: [created] }).issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('JSON editor', () => {
  const profiles = EDITORS.profiles.create('Profile');

  test('an edit that is valid JSON updates the segment type; name and kind stay', () => {
    let last: SegmentType | undefined;
    renderPane(<EditorHarness start={profiles} onValue={(t) => (last = t)} />);
    const box = screen.getByRole('textbox', { name: /Settings of "Profile"/ });
    const settings = JSON.parse((box as HTMLTextAreaElement).value);
    fireEvent.change(box, { target: { value: JSON.stringify({ ...settings, profiles: [{ ...settings.profiles[0], priority: 2 }] }) } });
    expect(last).toMatchObject({ name: 'Profile', kind: 'profiles', profiles: [{ name: 'Large services', priority: 2 }] });
  });

  test('text that is not JSON yet is kept and explained, and the segment type is not changed', () => {
    const seen: SegmentType[] = [];
    renderPane(<EditorHarness start={profiles} onValue={(t) => seen.push(t)} />);
    const box = screen.getByRole('textbox', { name: /Settings of "Profile"/ });
    fireEvent.change(box, { target: { value: '{ "profiles": ' } });
    expect((box as HTMLTextAreaElement).value).toBe('{ "profiles": ');
    expect(screen.getByText(/not valid JSON yet/)).toBeTruthy();
    expect(seen).toEqual([]);
  });

  test("the schema's problems show with their path inside the segment type", () => {
    renderPane(<EditorHarness start={profiles} onValue={() => undefined} />);
    const box = screen.getByRole('textbox', { name: /Settings of "Profile"/ });
    const settings = JSON.parse((box as HTMLTextAreaElement).value);
    fireEvent.change(box, { target: { value: JSON.stringify({ ...settings, profiles: [] }) } });
    expect(screen.getByText('profiles: list at least one profile')).toBeTruthy();
  });
});
