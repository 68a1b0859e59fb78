// What every segment type counts (SEMANTICS.md section 2, and how text cells are read, section 1):
// the time window, the filters, the minimum net sales, the decimal separator and the order of text
// dates. Part of the Data step: a change prepares the data again.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import type { ColumnValues } from '../../engine/column-values';
import type { Config, WindowSpec } from '../../engine/config';
import type { Issue } from '../../engine/types';
import { useFormats } from '../format';
import type { Scope } from '../state/draft';
import { issuesAt, issuesUnder } from '../state/validation';
import { fieldId } from '../state/where';
import { ChoiceField, type Choice } from './ChoiceField';
import { fieldState } from './FieldIssue';
import { FilterRow } from './FilterRow';
import { NumberField } from './NumberField';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  line: { display: 'flex', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap', alignItems: 'flex-start' },
  // Paired fields (months and end, year and first month) stack below about 400 px.
  narrowField: { flex: '1 1 8em', minWidth: 0, '@media (max-width: 400px)': { flexBasis: '100%' } },
  add: { alignSelf: 'flex-start' },
});

const WINDOW_KINDS: Choice<WindowSpec['kind']>[] = [
  { value: 'all', label: 'All dates' },
  { value: 'rolling', label: 'The last months (rolling)' },
  { value: 'year', label: 'A calendar or fiscal year' },
];

const DECIMALS: Choice<Config['locale']['decimal']>[] = [
  { value: 'auto', label: 'Detect from the data' },
  { value: '.', label: '1,234.50 (decimal point)' },
  { value: ',', label: '1.234,50 (decimal comma)' },
];

const DATE_ORDERS: Choice<Config['locale']['dateOrder']>[] = [
  { value: 'auto', label: 'Detect from the data' },
  { value: 'DMY', label: 'Day/month/year (25/03/2017)' },
  { value: 'MDY', label: 'Month/day/year (03/25/2017)' },
];

export interface ScopeEditorProps {
  config: Config;
  /** The sales range's header, for the filters' columns. */
  header: string[];
  /** What the last preparation counted: the window's days and the latest sale. */
  window?: { start: string; end: string };
  latestSale?: string;
  /** The separator the last preview read text numbers with, and whether the data proved it: what `auto` found. */
  decimalRead?: { decimal: '.' | ','; proven: boolean };
  /** Problems of the draft and of the last preparation, with configuration paths. */
  issues: Issue[];
  onChange(scope: Partial<Scope>): void;
  valuesOf(column: string): Promise<ColumnValues | undefined>;
}

export function ScopeEditor({ config, header, window, latestSale, decimalRead, issues, onChange, valuesOf }: ScopeEditorProps) {
  const styles = useStyles();
  const f = useFormats();
  const filters = config.filters;
  const setFilters = (next: Config['filters']) => onChange({ filters: next });
  // A filter names its column by header, and the first column of a repeated header is the one it reads.
  const columns = [...new Set(header.filter((h) => h.trim() !== ''))];
  return (
    <div className={styles.root} role="group" aria-labelledby="scope-heading">
      <Text as="h2" id="scope-heading" weight="semibold" size={400}>
        What is counted
      </Text>
      <WindowFields value={config.window} latestSale={latestSale} issues={issues} onChange={(w) => onChange({ window: w })} />
      {window && (
        <Text size={200} data-testid="window-days">
          Sales from {f.day(window.start)} to {f.day(window.end)}, both included.
        </Text>
      )}
      <NumberField
        id={fieldId('minimumNetSales')}
        label="Minimum net sales"
        value={config.minimumNetSales}
        placeholder="No minimum"
        issues={issuesAt(issues, 'minimumNetSales')}
        onChange={(minimumNetSales) => onChange({ minimumNetSales })}
      />
      <Text size={200}>Customers below the minimum are not ranked: they get the segment type&apos;s default segment.</Text>
      {filters.map((filter, i) => (
        <FilterRow
          key={i}
          index={i}
          filter={filter}
          columns={columns}
          issues={issuesUnder(issues, `filters[${i}]`)}
          valuesOf={valuesOf}
          onChange={(next) => setFilters(filters.map((x, k) => (k === i ? next : x)))}
          onRemove={() => setFilters(filters.filter((_, k) => k !== i))}
        />
      ))}
      <Button className={styles.add} icon={<Add20Regular />} disabled={columns.length === 0} onClick={() => setFilters([...filters, { column: '', notIn: [] }])}>
        Add a filter
      </Button>
      <div className={styles.line}>
        <ChoiceField
          className={styles.narrowField}
          label="Numbers written as text"
          hint={`${config.locale.decimal === 'auto' && decimalRead ? decimalHint(decimalRead) : ''}Number cells are read as they are.`}
          value={config.locale.decimal}
          choices={DECIMALS}
          onChange={(decimal) => onChange({ locale: { ...config.locale, decimal } })}
        />
        <ChoiceField
          className={styles.narrowField}
          label="Dates written as text"
          hint="Date cells are read as they are."
          value={config.locale.dateOrder}
          choices={DATE_ORDERS}
          onChange={(dateOrder) => onChange({ locale: { ...config.locale, dateOrder } })}
        />
      </div>
    </div>
  );
}

/** What detect found, for the hint: the separator the text proved, or that none did. */
function decimalHint(read: { decimal: '.' | ','; proven: boolean }): string {
  if (!read.proven) return 'No number written as text shows its separator: read with a decimal point. ';
  return `The numbers written as text use a decimal ${read.decimal === ',' ? 'comma' : 'point'}. `;
}

/** The first day of each month's name in the user's language: January, ... */
function monthNames(locale: string): string[] {
  const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(new Date(Date.UTC(2001, m, 1))));
}

interface WindowFieldsProps {
  value: WindowSpec;
  latestSale?: string;
  issues: Issue[];
  onChange(w: WindowSpec): void;
}

function WindowFields({ value, latestSale, issues, onChange }: WindowFieldsProps) {
  const styles = useStyles();
  const f = useFormats();
  // A new year window starts at the data's latest year; the clock only when no line has a date (the
  // configuration then holds that year, so it is the same for every colleague).
  const latestYear = latestSale ? Number(latestSale.slice(0, 4)) : new Date().getUTCFullYear();
  const choose = (kind: WindowSpec['kind']) => {
    if (kind === 'all') onChange({ kind });
    else if (kind === 'rolling') onChange({ kind, months: 12 });
    else onChange({ kind, year: latestYear, startMonth: 1 });
  };
  const months = monthNames(f.locale);
  return (
    <>
      <ChoiceField label="Sales lines counted" value={value.kind} choices={WINDOW_KINDS} issues={issuesAt(issues, 'window')} onChange={choose} />
      {value.kind === 'rolling' && (
        <div className={styles.line}>
          <div className={styles.narrowField}>
            <NumberField id={fieldId('window.months')} label="Months" value={value.months} required issues={issuesAt(issues, 'window.months')} onChange={(n) => n !== undefined && onChange({ ...value, months: n })} />
          </div>
          <Field
            className={styles.narrowField}
            label="Ending on"
            hint={`Blank: the latest sale${latestSale ? ` (${f.day(latestSale)})` : ''}, so every colleague gets the same tiers on any day.`}
            {...fieldState(issuesAt(issues, 'window.end'))}
          >
            <Input type="date" value={value.end ?? ''} onChange={(_, d) => onChange(d.value === '' ? { kind: 'rolling', months: value.months } : { ...value, end: d.value })} />
          </Field>
        </div>
      )}
      {value.kind === 'year' && (
        <div className={styles.line}>
          <div className={styles.narrowField}>
            <NumberField id={fieldId('window.year')} label="Year" value={value.year} required grouping={false} issues={issuesAt(issues, 'window.year')} onChange={(n) => n !== undefined && onChange({ ...value, year: n })} />
          </div>
          <ChoiceField
            className={styles.narrowField}
            label="Starting in"
            hint="A fiscal year is named by the calendar year in which it ends."
            value={String(value.startMonth)}
            choices={months.map((label, i) => ({ value: String(i + 1), label }))}
            issues={issuesAt(issues, 'window.startMonth')}
            onChange={(m) => onChange({ ...value, startMonth: Number(m) })}
          />
        </div>
      )}
    </>
  );
}
