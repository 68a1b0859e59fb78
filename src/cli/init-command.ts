// `tierwise init <sales file> [--sheet NAME | --table NAME] [--out tierwise.json]`: the configuration a
// new workbook starts with in the task pane, fitted to the file: its columns as found from the header
// (written out, so they can be read and changed), ABC 80/15/5 on net sales, and the profit bands when
// there is a Profit or a Cost column. Only the header row is read.
import { dirname, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../engine/config';
import { detectColumns } from '../engine/parse/headers';
import { COLUMN_ROLES } from '../engine/types';
import { configText, startingConfig } from '../plan/stored-config';
import { checkOutputs, headerOf, INIT_USAGE, isWorkbookPath, UsageError, writeOutput, type Io } from './common';

/** Tierwise's JSON Schema of the configuration, found from this file in src/cli or dist/cli alike. */
const SCHEMA = resolve(__dirname, '..', '..', 'schema', 'tierwise.config.schema.json');

/**
 * The starting configuration for `header`, with the detected columns named in `columns` and `$schema`
 * pointing from `place` (the folder the file is written to) at the schema, so an editor completes and
 * checks it from the first keystroke.
 */
export function initialConfig(header: readonly string[], place: string): Config {
  const mapping = detectColumns([...header]);
  const config = { $schema: relative(place, SCHEMA).split(sep).join('/'), ...startingConfig(header, mapping) };
  const columns: Config['columns'] = {};
  for (const role of COLUMN_ROLES) {
    const c = mapping[role];
    if (c !== undefined && header[c] !== '') columns[role] = header[c];
  }
  return { ...config, columns };
}

export async function initCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { sheet: { type: 'string' }, table: { type: 'string' }, out: { type: 'string', short: 'o' } } });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${INIT_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`name one sales file\n${INIT_USAGE}`);
  const [path] = positionals;
  if ((values.sheet !== undefined || values.table !== undefined) && !isWorkbookPath(path)) throw new UsageError(`--sheet and --table name a part of an .xlsx workbook; ${path} is not one`);
  if (values.sheet !== undefined && values.table !== undefined) throw new UsageError('name a --sheet or a --table, not both');
  await checkOutputs([{ what: 'the sales file', path }], [{ flag: '--out', path: values.out }]);
  const header = await headerOf(path, { sheet: values.sheet, table: values.table });
  const config = initialConfig(header, resolve(values.out === undefined ? '.' : dirname(values.out)));
  const text = `${configText(config)}\n`;
  const found = COLUMN_ROLES.filter((r) => config.columns[r] !== undefined).map((r) => `${r} "${config.columns[r]}"`);
  io.err(`Columns found: ${found.join(', ') || 'none'}\n`);
  io.err(`Segment types: ${config.segmentTypes.map((t) => t.name).join(', ')}${config.segmentTypes.length < 2 ? ' (the profit bands need a Profit or a Cost column)' : ''}\n`);
  for (const role of ['customer', 'amount'] as const) {
    if (config.columns[role] === undefined) io.err(`note: no ${role === 'customer' ? 'customer' : 'sales amount'} column was found: name it under "columns" ("${role}": "<its header>") before segmenting\n`);
  }
  if (values.out) {
    await writeOutput(values.out, text);
    io.err(`Wrote the configuration to ${values.out}: change it as you like, then run tierwise segment ${path} --config ${values.out}\n`);
  } else io.out(text);
  return 0;
}
