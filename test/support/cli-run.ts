// The command line run in the test's process: its exit status and what it wrote to stdout and stderr.
import { main, type Limits } from '../../src/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** `tierwise ...argv`, with the command line's own limits unless given (a fixed `now` keeps written workbooks comparable). */
export async function runCli(argv: string[], limits?: Limits): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s), err: (s) => (err += s) }, limits);
  return { code, out, err };
}

/** The limits most workbook tests run with: 512 MB and a fixed clock. */
export const FIXED_LIMITS: Limits = { maxFileBytes: 512 * 2 ** 20, now: '2026-01-01T00:00:00.000Z' };
