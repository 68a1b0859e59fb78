// What the command line does when the compiler will not write a query for a configuration. Every
// configuration the schema accepts compiles for a file the engine can segment (docs/sql.md), so the
// compiler's refusal is played here by a stand-in for segmentOnDuckdb: asked for (or a Parquet file),
// DuckDB says so and stops; chosen by the file's size, the engine takes over after a one-line note.
import { segmentWithDuckdb } from '../../src/cli/duckdb-segment';

jest.mock('../../src/sql/duckdb-run', () => ({
  segmentOnDuckdb: jest.fn(async () => ({ ok: false, reason: 'not-compiled', problems: [{ path: 'segmentTypes[0]', message: '"Club": a reason SQL has' }] })),
}));

const CONFIG = require.resolve('../../examples/superstore.config.json');

async function segment(input: string, asked: boolean): Promise<{ status: number | undefined; err: string }> {
  let err = '';
  const status = await segmentWithDuckdb(input, { config: CONFIG }, {}, { asked }, { out: () => undefined, err: (s: string) => (err += s) });
  return { status, err };
}

describe('a configuration DuckDB cannot segment', () => {
  it('is said plainly, and nothing is written, when DuckDB was asked for', async () => {
    expect(await segment('lines.csv', true)).toEqual({
      status: 2,
      err: 'tierwise: DuckDB cannot segment with this configuration:\n  "Club": a reason SQL has\nLeave out --engine duckdb to use the engine (the reference, in JavaScript).\n',
    });
  });

  it('is said plainly for a Parquet file, which only DuckDB reads', async () => {
    const { status, err } = await segment('lines.parquet', false);
    expect(status).toBe(2);
    expect(err).toContain('Only DuckDB reads Parquet files: export the lines as CSV to use the engine.');
  });

  it('goes to the engine with a one-line note when DuckDB was chosen by the file\'s size', async () => {
    expect(await segment('lines.csv', false)).toEqual({ status: undefined, err: 'note: "Club": a reason SQL has; segmenting with the engine (JavaScript) instead\n' });
  });
});
