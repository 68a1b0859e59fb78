// The command line's contract on any input file, shared by the fuzz tests: an exit status (0 every
// line used, 1 some left out, 2 refused), a message on stderr when refused, the result table on stdout
// otherwise; never an exception.
import { main } from '../../src/cli/main';

/** Runs `tierwise segment FILE --config CONFIG --format csv` and checks the contract; returns the status. */
export async function expectAnswered(file: string, config: string): Promise<number> {
  let out = '';
  let err = '';
  const code = await main(['segment', file, '--config', config, '--format', 'csv'], { out: (s) => (out += s), err: (s) => (err += s) }, { maxFileBytes: 512 * 2 ** 20, now: '2026-01-01T00:00:00.000Z' });
  expect([0, 1, 2]).toContain(code);
  if (code === 2) expect(err.trim()).not.toBe('');
  else expect(out).toMatch(/^Customer[,;\t]/); // in the input's own dialect
  return code;
}
