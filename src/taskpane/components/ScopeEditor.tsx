// What every segment type counts (SEMANTICS.md section 2, and how text cells are read, section 1):
// the time window, the filters, the minimum net sales, the decimal separator and the order of text
// dates. Part of the Data step: a change prepares the data again.
import { Button, Dropdown, Field, Input, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import type { ColumnValues } from '../../engine/column-values';
import type { Config, WindowSpec } from '../../engine/config';
import type { Issue } from '../../engine/types';
import { useFormats } from '../format';
import type { Scope } from '../state/draft';
import { issuesAt, issuesUnder } from '../state/validation';
import { fieldState } from './FieldIssue';
import { FilterRow } from './FilterRow';
import { NumberField } from './NumberField';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  line: { display: 'flex', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS, flexWrap: 'wrap', alignItems: 'flex-start' },
  narrowField: { flex: '1 1 8em', minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
  add: { alignSelf: 'flex-start' },
});

const WINDOW_KINDS: { kind: WindowSpec['kind']; label: string }[] = [
  { kind: 'all', label: 'All dates' },
  { kind: 'rolling', label: 'The last months (rolling)' },
  { kind: 'year', label: 'A calendar or fiscal year' },
];

const DECIMALS: { value: Config['locale']['decimal']; label: string }[] = [
  { value: '.', label: '1,234.50 (decimal point)' },
  { value: ',', label: '1.234,50 (decimal comma)' },
];

const DATE_ORDERS: { value: Config['locale']['dateOrder']; label: string }[] = [
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
  /** Problems of the draft and of the last preparation, with configuration paths. */
  issues: Issue[];
  onChange(scope: Partial<Scope>): void;
  valuesOf(column: string): Promise<ColumnValues | undefined>;
}

export function ScopeEditor({ config, header, window, latestSale, issues, onChange, valuesOf }: ScopeEditorProps) {
  const styles = useStyles();
  const f = useFormats();
  const filters = config.filters;
  const setFilters = (next: Config['filters']) => onChange({ filters: next });
  const columns = header.filter((h) => h.trim() !== '');
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
      <Button className={styles.add} icon={<Add20Regular />} disabled={columns.length === 0} onClick={() => setFilters([...filters, { column: columns[0], notIn: [] }])}>
        Add a filter
      </Button>
      <div className={styles.line}>
        <Field className={styles.narrowField} label="Numbers written as text" hint="Number cells are read as they are.">
          <Dropdown
            className={styles.dropdown}
            value={DECIMALS.find((d) => d.value === config.locale.decimal)?.label}
            selectedOptions={[config.locale.decimal]}
            onOptionSelect={(_, d) => onChange({ locale: { ...config.locale, decimal: d.optionValue as Config['locale']['decimal'] } })}
          >
            {DECIMALS.map((d) => (
              <Option key={d.value} value={d.value}>
                {d.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field className={styles.narrowField} label="Dates written as text" hint="Date cells are read as they are.">
          <Dropdown
            className={styles.dropdown}
            value={DATE_ORDERS.find((d) => d.value === config.locale.dateOrder)?.label}
            selectedOptions={[config.locale.dateOrder]}
            onOptionSelect={(_, d) => onChange({ locale: { ...config.locale, dateOrder: d.optionValue as Config['locale']['dateOrder'] } })}
          >
            {DATE_ORDERS.map((d) => (
              <Option key={d.value} value={d.value}>
                {d.label}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
    </div>
  );
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
  // A new window starts from the data (its latest year), never from the clock.
  const latestYear = latestSale ? Number(latestSale.slice(0, 4)) : undefined;
  const choose = (kind: WindowSpec['kind']) => {
    if (kind === value.kind) return;
    if (kind === 'all') onChange({ kind });
    else if (kind === 'rolling') onChange({ kind, months: 12 });
    else onChange({ kind, year: latestYear ?? 2000, startMonth: 1 });
  };
  const months = monthNames(f.locale);
  return (
    <>
      <Field label="Sales lines counted" {...fieldState(issuesAt(issues, 'window'))}>
        <Dropdown
          className={styles.dropdown}
          value={WINDOW_KINDS.find((k) => k.kind === value.kind)?.label}
          selectedOptions={[value.kind]}
          onOptionSelect={(_, d) => choose(d.optionValue as WindowSpec['kind'])}
        >
          {WINDOW_KINDS.map((k) => (
            <Option key={k.kind} value={k.kind}>
              {k.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {value.kind === 'rolling' && (
        <div className={styles.line}>
          <div className={styles.narrowField}>
            <NumberField label="Months" value={value.months} required issues={issuesAt(issues, 'window.months')} onChange={(n) => n !== undefined && onChange({ ...value, months: n })} />
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
            <NumberField label="Year" value={value.year} required issues={issuesAt(issues, 'window.year')} onChange={(n) => n !== undefined && onChange({ ...value, year: n })} />
          </div>
          <Field className={styles.narrowField} label="Starting in" hint="A fiscal year is named by the calendar year in which it ends." {...fieldState(issuesAt(issues, 'window.startMonth'))}>
            <Dropdown
              className={styles.dropdown}
              value={months[value.startMonth - 1]}
              selectedOptions={[String(value.startMonth)]}
              onOptionSelect={(_, d) => onChange({ ...value, startMonth: Number(d.optionValue) })}
            >
              {months.map((m, i) => (
                <Option key={i} value={String(i + 1)}>
                  {m}
                </Option>
              ))}
            </Dropdown>
          </Field>
        </div>
      )}
    </>
  );
}
