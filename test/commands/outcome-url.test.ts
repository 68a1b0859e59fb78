// Run again's outcome travels to its dialog in the URL: what goes in comes out, cut to a length a URL
// keeps, and anything else in the query (Office adds _host_Info) is no message.
import { outcomeFromQuery, outcomeQuery } from '../../src/commands/outcome-url';
import type { OutcomeMessage } from '../../src/commands/run-again';

const message: OutcomeMessage = { title: 'Tiers updated', lines: ['793 customers from table "Orders".', 'Orders!F12: <b>=1+1</b> & 50 %'], openPane: false, problem: true };

test("round trip, with Office's own query beside it", () => {
  const query = outcomeQuery(message);
  expect(outcomeFromQuery(query)).toEqual(message);
  expect(outcomeFromQuery(`${query}&_host_Info=Excel$Win32$16.01$en-US$$$$0`)).toEqual(message);
  expect(outcomeFromQuery(`?_host_Info=Excel|Web|16.00|en-US&${query.slice(1)}`)).toEqual(message);
});

test('long lines are cut so the URL stays short', () => {
  const long = { ...message, lines: Array.from({ length: 8 }, () => 'x'.repeat(5000)) };
  const query = outcomeQuery(long);
  expect(query.length).toBeLessThan(8 * 320 + 200);
  expect(outcomeFromQuery(query)!.lines.every((l) => l.length === 300 && l.endsWith('…'))).toBe(true);
});

test('a missing or malformed message is undefined, never an exception', () => {
  for (const q of [
    '',
    '?x=1',
    '?outcome=',
    '?outcome=%7Bnot',
    '?outcome=5',
    `?outcome=${encodeURIComponent('{"title":1,"lines":[]}')}`,
    `?outcome=${encodeURIComponent('{"title":"t","lines":[1]}')}`,
  ]) {
    expect(outcomeFromQuery(q)).toBeUndefined();
  }
});
