// A segment type's name heads table columns in Excel: the configuration refuses what a table column
// cannot hold (tabs, line breaks, control characters) and what Excel would decode into another name
// (`_x0041_` reads as "A"), with a message at the name's path. Issue 17, bug 5.
import { parseConfig } from '../../src/engine/config';

const withType = (name: string) => ({ version: 1, segmentTypes: [{ name, kind: 'abc', segments: [{ name: 'A', share: 80 }, { name: 'B', share: 20 }] }] });

const problems = (name: string) => {
  const r = parseConfig(withType(name));
  return r.ok ? [] : r.issues.map((i) => `${i.where}: ${i.message}`);
};

describe('segment type names', () => {
  it.each([
    ['Sales\tABC', 'holds a tab'],
    ['Sales\nABC', 'holds a line break'],
    ['Sales\r\nABC', 'holds a line break'],
    ['Sales\u0001ABC', 'holds a control character (U+0001)'],
    ['Sales\u0085ABC', 'holds a control character (U+0085)'],
  ])('refuses %j: %s', (name, what) => {
    expect(problems(name)).toEqual([`segmentTypes[0].name: segment type ${JSON.stringify(name)} ${what}: its name heads table columns in Excel, where tabs, line breaks and control characters cannot be; remove it`]);
  });

  it('refuses a name Excel would decode into another one, saying what it would read', () => {
    expect(problems('Sales _x0041_')).toEqual([
      'segmentTypes[0].name: segment type "Sales _x0041_" contains "_x0041_", which Excel reads in a table column\'s name as the character it codes ("A"), so the column would not match its header: write it another way (without one of the underscores, say)',
    ]);
  });

  it.each(['Sales ABC', 'Sales_ABC', '_x41_', 'x0041', 'Ümsatz 😀', 'Sales ABC (2026)', 'Sales\u00A0ABC'])('accepts %j', (name) => {
    expect(problems(name)).toEqual([]);
  });

  it('accepts leading and trailing blanks, which the name loses', () => {
    const r = parseConfig(withType('  Sales ABC\t'));
    expect(r.ok && r.config.segmentTypes[0].name).toBe('Sales ABC');
  });
});
