// `tierwise sql --config CFG --dialect duckdb|postgres|spark|bigquery|snowflake [--table NAME] ...`:
// prints the configuration compiled to one SQL query (docs/sql.md). Nothing is read but the
// configuration and, when named, the header row of a file.
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { parseConfigText, type Config } from '../engine/config';
import { compileSql, SQL_DIALECTS, type SqlDialectName } from '../sql/compile';
import { configuredAnswerColumns } from '../sql/profiles';
import { plansVisits } from '../engine/visits';
import { readsAnswers } from '../engine/profiles';
import { checkOutputs, headerOf, printIssues, readConfigFile, SQL_USAGE, UsageError, writeOutput, type Io } from './common';

export async function sqlCommand(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        config: { type: 'string', short: 'c' },
        dialect: { type: 'string' },
        table: { type: 'string' },
        'answers-table': { type: 'string' },
        'answers-columns': { type: 'string' },
        'answers-headers-from': { type: 'string' },
        'answers-order': { type: 'string' },
        'visits-table': { type: 'string' },
        'visits-columns': { type: 'string' },
        'visits-headers-from': { type: 'string' },
        columns: { type: 'string' },
        'headers-from': { type: 'string' },
        'line-order': { type: 'string' },
        out: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${SQL_USAGE}`);
  }
  const { values } = parsed;
  if (!values.config) throw new UsageError(`--config <config.json> is required\n${SQL_USAGE}`);
  const dialect = values.dialect as SqlDialectName | undefined;
  if (dialect === undefined || !SQL_DIALECTS.includes(dialect))
    throw new UsageError(`--dialect is one of ${SQL_DIALECTS.join(', ')}${values.dialect ? `, not "${values.dialect}"` : ''}\n${SQL_USAGE}`);
  if (values.columns !== undefined && values['headers-from'] !== undefined) throw new UsageError('give the columns with --columns or --headers-from, not both');
  if (values['answers-columns'] !== undefined && values['answers-headers-from'] !== undefined)
    throw new UsageError("give the answers table's columns with --answers-columns or --answers-headers-from, not both");
  const answersOnly = (['answers-columns', 'answers-headers-from', 'answers-order'] as const).find((o) => values[o] !== undefined);
  if (values['answers-table'] === undefined && answersOnly !== undefined) throw new UsageError(`--${answersOnly} describes the answers table: name it with --answers-table`);
  if (values['visits-columns'] !== undefined && values['visits-headers-from'] !== undefined)
    throw new UsageError("give the visits table's columns with --visits-columns or --visits-headers-from, not both");
  const visitsOnly = (['visits-columns', 'visits-headers-from'] as const).find((o) => values[o] !== undefined);
  if (values['visits-table'] === undefined && visitsOnly !== undefined) throw new UsageError(`--${visitsOnly} describes the visits table: name it with --visits-table`);

  await checkOutputs(
    [
      { what: 'the configuration', path: values.config },
      { what: 'the file the columns are read from', path: values['headers-from'] },
      { what: "the file the answers table's columns are read from", path: values['answers-headers-from'] },
      { what: "the file the visits table's columns are read from", path: values['visits-headers-from'] },
    ],
    [{ flag: '--out', path: values.out }],
  );
  const text = await readConfigFile(values.config);
  const config = parseConfigText(text);
  printIssues(config.warnings, io, `${values.config}: `);
  if (!config.ok) {
    io.err(`tierwise: the configuration ${values.config} is not valid; no SQL was written:\n`);
    printIssues(config.issues, io, `${values.config}: `);
    return 2;
  }
  const header = values.columns !== undefined ? splitColumns(values.columns) : values['headers-from'] !== undefined ? await headerOf(values['headers-from']) : configuredColumns(config.config);
  const answersHeader =
    values['answers-columns'] !== undefined ? splitColumns(values['answers-columns']) : values['answers-headers-from'] !== undefined ? await headerOf(values['answers-headers-from']) : undefined;
  const visitsHeader =
    values['visits-columns'] !== undefined ? splitColumns(values['visits-columns']) : values['visits-headers-from'] !== undefined ? await headerOf(values['visits-headers-from']) : undefined;
  const result = compileSql(config.config, {
    dialect,
    table: values.table,
    columns: { header, lineOrder: values['line-order'] },
    answersTable: values['answers-table'],
    answersColumns:
      answersHeader !== undefined || values['answers-order'] !== undefined ? { header: answersHeader ?? configuredAnswerColumns(config.config), lineOrder: values['answers-order'] } : undefined,
    visitsTable: values['visits-table'],
    visitsColumns: visitsHeader,
  });
  if (!result.ok) {
    io.err(`tierwise: the configuration ${values.config} cannot be compiled to ${dialect} SQL:\n`);
    for (const p of result.problems) io.err(`${values.config}: ${p.path}: ${p.message}\n`);
    if (values.columns === undefined && values['headers-from'] === undefined) {
      io.err(`(the columns were taken from the configuration: ${header.join(', ') || 'none'}; name the table's headers with --columns or --headers-from)\n`);
    }
    if (values['answers-table'] === undefined && result.problems.some((p) => /^the sales table has no column headed/.test(p.message))) {
      io.err(
        "(without --answers-table the profiles read their questions from the sales table's own columns, as `tierwise segment` does without --answers; name the answers table with --answers-table)\n",
      );
    }
    if (values['answers-table'] !== undefined && answersHeader === undefined && result.problems.some((p) => /answers table/.test(p.message))) {
      io.err(
        `(the answers table's columns were taken from the configuration: ${configuredAnswerColumns(config.config).join(', ') || 'none'}; name its headers with --answers-columns or --answers-headers-from)\n`,
      );
    }
    return 2;
  }
  // A table named for nothing that reads it: said, so a missing frequency is not mistaken for no visits.
  if (values['answers-table'] !== undefined && !readsAnswers(config.config.segmentTypes)) {
    io.err(`note: no segment type is a profiles type: the answers table ${values['answers-table']} is not read\n`);
  }
  if (values['visits-table'] !== undefined && !config.config.segmentTypes.some(plansVisits)) {
    io.err(`note: no segment has a visit frequency (visitEveryDays): the visits table ${values['visits-table']} is not read\n`);
  }
  if (values.out) {
    await writeOutput(values.out, result.sql);
    io.err(`Wrote the ${dialect} query to ${values.out}\n`);
  } else io.out(result.sql);
  return 0;
}

/** `--columns "Customer ID,Order Date,Sales"`: a comma-separated list, read as a CSV line (quotes allowed). */
function splitColumns(list: string): string[] {
  const [row] = parse(list, { relax_quotes: true }) as string[][];
  return (row ?? []).map((h) => h.trim()).filter((h) => h !== '');
}

/** Without a header: the columns the configuration names (its roles, then the filters' columns). */
function configuredColumns(config: Config): string[] {
  const names = [...Object.values(config.columns), ...config.filters.map((f) => f.column)].filter((n): n is string => typeof n === 'string');
  return [...new Set(names)];
}
