// Refreshes docs/images/summary.png: the Superstore sample's Segment Summary (in US dollars, after two
// runs so the migration matrix shows who moved) as LibreOffice draws it. See scripts/summary-picture.sh.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drawSheet, SUMMARY_SHEET, superstoreSummary } from '../test/support/summary-picture';

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'tierwise-summary-'));
  const out = resolve(__dirname, '../docs/images/summary.png');
  await drawSheet(await superstoreSummary(), SUMMARY_SHEET, out, work, `file://${join(work, 'lo-profile')}`);
  process.stdout.write(`${out}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
