// The command line with every segment kind: the example configuration on the Superstore sample, the
// questionnaire answers from a second file, and each kind's columns by name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli-run';
import { SUPERSTORE_CSV } from '../support/tables';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'all-kinds.config.json');

const run = (...argv: string[]) => runCli(argv);

test('all kinds on Superstore, answers from a second file: the level under the segment type\'s name, earned, spent and balance beside it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-kinds-'));
  // CG-12520 answers as a West corporate customer; PROSPECT-9 never bought.
  const answers = join(dir, 'answers.csv');
  writeFileSync(answers, 'Customer ID,Segment,Region\nCG-12520,Corporate,West\nPROSPECT-9,Consumer,East\n');
  const { code, out, err } = await run('segment', SUPERSTORE_CSV, '--config', EXAMPLE, '--answers', answers, '--format', 'json');
  expect(err).not.toMatch(/error|warning/i);
  expect(code).toBe(0);
  const rows: Record<string, string | number | null>[] = JSON.parse(out);
  expect(rows.length).toBe(794);
  const claire = rows.find((r) => r.Customer === 'CG-12520')!;
  // Loyalty: the level in "Loyalty", then its figures; balance = earned - spent (no spent column: 0).
  expect(Object.keys(claire)).toEqual(
    expect.arrayContaining(['Loyalty', 'Loyalty (earned)', 'Loyalty (spent)', 'Loyalty (balance)', 'Loyalty (next level)', 'Loyalty (points missing)', 'Loyalty (available rewards)']),
  );
  expect(claire['Loyalty (spent)']).toBe(0);
  expect(claire['Loyalty (balance)']).toBe(claire['Loyalty (earned)']);
  expect(['Bronze', 'Silver', 'Gold', 'Platinum']).toContain(claire.Loyalty);
  expect(claire['Profile (profiles)']).toBe('Corporate West; Corporate');
  expect(typeof claire['Activity (state of mind)']).toBe('number');
  expect(String(claire['RFM (RFM)'])).toMatch(/^[1-5]{3}$/);
  const prospect = rows.find((r) => r.Customer === 'PROSPECT-9')!;
  expect(prospect.Profile).toBe('Private');
  expect(prospect.Sales).toBe(0);
  expect(prospect.RFM).toBe('');
});
