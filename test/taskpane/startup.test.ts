// Inside Office or a plain browser: decided from what Office gives the page, never from a timer alone.
import { BROWSER_FALLBACK_MS, HINT_AFTER_MS, decideStartup, hostInfoFromSearch, openedByOffice, parseHostInfo, waitingHint, type StartupSignals } from '../../src/taskpane/startup';

const browser: StartupSignals = { search: '', windowName: '', storedHostInfo: null, hostBridge: false, officeJs: true };
const win32: StartupSignals = { ...browser, search: '?_host_Info=Excel$Win32$16.01$en-US$$$$0' };
const HOUR = 3_600_000;

describe('the _host_Info value', () => {
  it('is read as office.js reads it: $ or | separated, up to the next & or #, URI-decoded', () => {
    expect(hostInfoFromSearch('?_host_Info=Excel$Win32$16.01$en-US$$$$0')).toBe('Excel$Win32$16.01$en-US$$$$0');
    expect(hostInfoFromSearch('?a=1&_host_Info=Excel|Web|16.00|en-US|abc|isDialog|&b=2#x')).toBe('Excel|Web|16.00|en-US|abc|isDialog|');
    expect(hostInfoFromSearch('?a=1')).toBeUndefined();
    expect(hostInfoFromSearch('?_host_Info=')).toBeUndefined();
    expect(parseHostInfo('Excel$Win32$16.01$en-US$$$$0')).toEqual({ host: 'excel', platform: 'win32' });
    expect(parseHostInfo('Excel|Web|16.00|en-US|abc|isDialog|')).toEqual({ host: 'excel', platform: 'web' });
    expect(parseHostInfo('Excel%24Mac%2416.00%24en-US%24%24%24%240')).toEqual({ host: 'excel', platform: 'mac' });
    expect(parseHostInfo('%E0%A4%A')).toEqual({ host: '%e0%a4%a', platform: '' });
    expect(parseHostInfo('')).toBeUndefined();
  });

  it('comes from the query, window.name (Excel on the web) or what office.js stored, or a host bridge', () => {
    expect(openedByOffice(browser)).toBe(false);
    expect(openedByOffice(win32)).toBe(true);
    expect(openedByOffice({ ...browser, windowName: JSON.stringify({ hostInfo: 'Excel|Web|16.00|en-US|x' }) })).toBe(true);
    expect(openedByOffice({ ...browser, windowName: '{not json' })).toBe(false);
    expect(openedByOffice({ ...browser, windowName: 'some-frame' })).toBe(false);
    expect(openedByOffice({ ...browser, storedHostInfo: 'Excel$Mac$16.00$en-US$$$$0' })).toBe(true);
    expect(openedByOffice({ ...browser, hostBridge: true })).toBe(true);
  });
});

describe('what the pane shows', () => {
  it('inside Office it waits for Excel however long Office takes, and never becomes the playground', () => {
    for (const waited of [0, HINT_AFTER_MS, BROWSER_FALLBACK_MS * 10, HOUR]) {
      expect(decideStartup(win32, undefined, waited)).toEqual({ kind: 'waiting', host: { host: 'excel', platform: 'win32' }, why: 'connecting' });
      expect(decideStartup({ ...browser, hostBridge: true }, undefined, waited).kind).toBe('waiting');
    }
  });

  it('inside Office without office.js it still waits, and says why', () => {
    const state = decideStartup({ ...win32, officeJs: false }, undefined, 0);
    expect(state).toMatchObject({ kind: 'waiting', why: 'no-office-js' });
    expect(waitingHint(state as Extract<typeof state, { kind: 'waiting' }>)).toContain('did not load');
  });

  it("Office's answer decides: Excel is the pane, another host is a message, no host inside Office is stuck waiting", () => {
    expect(decideStartup(win32, { host: 'Excel', platform: 'PC' }, 50)).toEqual({ kind: 'excel', platform: 'PC' });
    expect(decideStartup(browser, { host: 'Excel', platform: 'OfficeOnline' }, 50)).toEqual({ kind: 'excel', platform: 'OfficeOnline' });
    expect(decideStartup(browser, { host: 'Word', platform: 'PC' }, 50)).toEqual({ kind: 'other-host', host: 'Word' });
    expect(decideStartup(win32, { host: null, platform: null }, 50)).toMatchObject({ kind: 'waiting', why: 'no-host' });
    expect(decideStartup({ ...browser, search: '?_host_Info=Word$Win32$16.01$en-US$$$$0' }, undefined, 0)).toEqual({ kind: 'other-host', host: 'word' });
  });

  it('a plain browser is the playground once office.js answers without a host, or at once without office.js', () => {
    expect(decideStartup(browser, undefined, 0)).toEqual({ kind: 'starting' });
    const pg = decideStartup(browser, { host: null, platform: null }, 40);
    expect(pg.kind).toBe('playground');
    expect(pg.kind === 'playground' && pg.detail).not.toContain('could not be loaded');
    expect(decideStartup({ ...browser, officeJs: false }, undefined, 0)).toMatchObject({ kind: 'playground', detail: expect.stringContaining('could not be loaded') });
  });

  it('only a page with no sign of Office falls back to the playground when office.js never answers', () => {
    expect(decideStartup(browser, undefined, BROWSER_FALLBACK_MS - 1)).toEqual({ kind: 'starting' });
    expect(decideStartup(browser, undefined, BROWSER_FALLBACK_MS).kind).toBe('playground');
    expect(decideStartup(win32, undefined, BROWSER_FALLBACK_MS).kind).toBe('waiting');
  });

  it('every reason to wait has a hint that says what to try and that the workbook is unchanged', () => {
    for (const why of ['connecting', 'no-office-js', 'no-host'] as const) {
      const hint = waitingHint({ kind: 'waiting', host: undefined, why });
      expect(hint).toContain('open it again');
      expect(hint).toContain('has not been changed');
    }
  });
});
