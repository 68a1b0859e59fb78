// adoptOwned: which sheet open now is the one Tierwise's records name. The rule: by id when the
// id is here; by recorded name only when the id cannot be checked here (a command-line sheetId, or
// records from the Tierwise Settings sheet); otherwise nothing is adopted.
import fc from 'fast-check';
import { adoptOwned, type LiveSheet, type OwnedState } from '../../src/plan/owned';

const live: LiveSheet[] = [
  { name: 'Orders', id: '{A}' },
  { name: 'customer tiers', id: '{B}' }, // Excel's names ignore case
  { name: 'Tierwise History', id: '{C}' },
];

describe('adoptOwned', () => {
  it('keeps a recorded Excel id that is here, whatever the name says', () => {
    const owned: OwnedState = { version: 1, sheets: { tiers: { name: 'Renamed by the user', id: '{B}' } } };
    expect(adoptOwned(owned, live, false).sheets.tiers).toEqual({ name: 'Renamed by the user', id: '{B}' });
    expect(adoptOwned(owned, live, true).sheets.tiers).toEqual({ name: 'Renamed by the user', id: '{B}' });
  });

  it('adopts by name a sheet the command line recorded by file sheetId, from either place', () => {
    const owned: OwnedState = { version: 1, sheets: { tiers: { name: 'Customer Tiers', id: 'sheetId:2' }, history: { name: 'Tierwise History', id: 'sheetId:4' } } };
    for (const fromSheet of [false, true]) {
      expect(adoptOwned(owned, live, fromSheet).sheets).toEqual({ tiers: { name: 'customer tiers', id: '{B}' }, history: { name: 'Tierwise History', id: '{C}' } });
    }
  });

  it('does not adopt by name an Excel id from workbook.settings that is gone: that sheet was deleted', () => {
    const owned: OwnedState = { version: 1, sheets: { tiers: { name: 'Customer Tiers', id: '{GONE}' } } };
    expect(adoptOwned(owned, live, false).sheets.tiers).toEqual({ name: 'Customer Tiers', id: '{GONE}' });
    // The same record read from the settings sheet was another session's: by name.
    expect(adoptOwned(owned, live, true).sheets.tiers).toEqual({ name: 'customer tiers', id: '{B}' });
  });

  it('never gives one sheet two roles, nor a sheet another role holds by id', () => {
    const owned: OwnedState = { version: 1, sheets: { history: { name: 'Orders', id: '{C}' }, tiers: { name: 'Tierwise History', id: 'sheetId:9' }, summary: { name: 'Orders', id: 'sheetId:8' } } };
    const out = adoptOwned(owned, live, true).sheets;
    expect(out.history).toEqual({ name: 'Orders', id: '{C}' });
    expect(out.tiers).toEqual({ name: 'Tierwise History', id: 'sheetId:9' }); // {C} is the history's
    expect(out.summary).toEqual({ name: 'Orders', id: '{A}' });
  });

  it("drops another program's pending sheets, keeps this host's", () => {
    const owned: OwnedState = { version: 1, sheets: {}, pending: [{ name: 'Tierwise new tiers', id: '{P}' }, { name: 'x', id: 'sheetId:3' }] };
    expect(adoptOwned(owned, live, false).pending).toEqual([{ name: 'Tierwise new tiers', id: '{P}' }]);
    expect(adoptOwned(owned, live, true).pending).toBeUndefined();
  });

  it('property: every adopted id is a live sheet whose name is the recorded one, and no id serves two roles', () => {
    const name = fc.constantFrom('Customer Tiers', 'CUSTOMER TIERS', 'Segment Summary', 'Tierwise History', 'Orders', 'Mine');
    const id = fc.constantFrom('{1}', '{2}', '{3}', '{4}', 'sheetId:1', 'sheetId:2', undefined);
    const sheet = fc.record({ name, id }, { requiredKeys: ['name'] });
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ name, id: fc.constantFrom('{1}', '{2}', '{3}', '{4}') }), { selector: (s) => s.id, maxLength: 4 }).filter((l) => new Set(l.map((s) => s.name.toLowerCase())).size === l.length),
        fc.record({ tiers: sheet, summary: sheet, history: sheet }, { requiredKeys: [] }),
        fc.boolean(),
        (liveSheets, sheets, fromSheet) => {
          const owned: OwnedState = { version: 1, sheets };
          const out = adoptOwned(owned, liveSheets, fromSheet).sheets;
          const ids = new Set<string>(liveSheets.map((s) => s.id));
          const seen = new Map<string, number>();
          for (const role of ['tiers', 'summary', 'history'] as const) {
            const before = sheets[role];
            const after = out[role];
            expect(after === undefined).toBe(before === undefined);
            if (!before || !after) continue;
            if (after.id !== before.id) {
              // adopted: a live sheet of the recorded name, and only where the id could not be checked
              expect(ids.has(after.id!)).toBe(true);
              expect(liveSheets.find((s) => s.id === after.id)!.name.toLowerCase()).toBe(before.name.toLowerCase());
              expect(before.id !== undefined && ids.has(before.id)).toBe(false);
              expect(fromSheet || before.id?.startsWith('sheetId:')).toBe(true);
            }
            if (after.id && ids.has(after.id)) seen.set(after.id, (seen.get(after.id) ?? 0) + 1);
          }
          // a sheet recorded twice by id stays as recorded; adoption never adds a second holder
          for (const [sid, n] of seen) if (n > 1) expect(Object.values(sheets).filter((s) => s?.id === sid).length).toBe(n);
        },
      ),
    );
  });
});
