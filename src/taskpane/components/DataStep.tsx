// Step 1: where the sales lines are (and the answers and visits ranges, when a type reads them), which column plays which role, and what could not be read.
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ColumnValues } from '../../engine/column-values';
import type { Config } from '../../engine/config';
import type { ColumnRole, Issue } from '../../engine/types';
import type { Scope } from '../state/draft';
import type { SourceState } from '../state/useSource';
import { countedLine, useFormats } from '../format';
import { ExtraSourcePickers } from './ExtraSourcePickers';
import { IssueList } from './IssueList';
import { MappingEditor } from './MappingEditor';
import { ScopeEditor } from './ScopeEditor';
import { SourcePicker } from './SourcePicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

export interface DataStepProps {
  src: SourceState;
  config: Config;
  /** The draft's own problems (configuration paths), for the fields that show them. */
  draftIssues: Issue[];
  onColumn(role: ColumnRole, header: string | null | undefined): void;
  onScope(scope: Partial<Scope>): void;
  valuesOf(column: string): Promise<ColumnValues | undefined>;
  onSelectCell?(address: string): void;
  /** Why the window and filters leave nothing worth segmenting (scopeProblem); Apply waits. */
  blocked?: string;
}

/** Problems a field of this step shows beside itself (mapping, window, filters, minimum), not in the list. */
const shownByField = (i: Issue) => /^(columns\.|window\b|filters\[|minimumNetSales\b)/.test(i.where);

export function DataStep({ src, config, draftIssues, onColumn, onScope, valuesOf, onSelectCell, blocked }: DataStepProps) {
  const styles = useStyles();
  const f = useFormats();
  const p = src.prepared;
  // A number role mapped to a text column is said once at the mapping, with the count: its cells' own
  // messages (fifty alike in the list) stay out of the list.
  const textHeaders = p ? Object.entries(p.textCells).map(([role]) => `${(p.header[p.mapping[role as ColumnRole]!] ?? '').trim() || `column ${p.mapping[role as ColumnRole]! + 1}`} "`) : [];
  const saidAtMapping = (i: Issue) => i.row !== undefined && i.message.includes('" is not a number') && textHeaders.some((h) => i.message.startsWith(h));
  const hidden = p ? Object.values(p.textCells).reduce((s, n) => s + (n ?? 0), 0) : 0;
  const other = p ? p.issues.filter((i) => !shownByField(i) && !saidAtMapping(i)) : [];
  return (
    <div className={styles.root}>
      <SourcePicker sources={src.sources} source={src.source} onChoose={src.chooseSource} onReload={() => void src.reload()} disabled={src.busy !== undefined} />
      <ExtraSourcePickers sources={src.sources} types={config.segmentTypes} extras={src.extras} onChoose={src.chooseExtra} disabled={src.busy !== undefined} />
      {src.busy && <Spinner size="tiny" labelPosition="after" label={`${src.busy.what}…`} />}
      {src.sourceIssues.length > 0 && (
        <MessageBar intent="error">
          <MessageBarBody>
            <IssueList issues={src.sourceIssues} total={src.sourceIssues.length} leftOutRows={0} onSelect={onSelectCell} />
          </MessageBarBody>
        </MessageBar>
      )}
      {p && (
        <>
          <Text as="p" data-testid="data-summary">
            {f.integer(p.lineCount)} lines used · {f.integer(p.customerCount)} customers
            {p.filteredRows > 0 ? ` · ${f.integer(p.filteredRows)} filtered out` : ''}
          </Text>
          {p.usable && (
            <Text as="p" weight="semibold" data-testid="data-counted">
              {countedLine(f, p.windowLines, p.windowCustomers)}
            </Text>
          )}
          {blocked && (
            <MessageBar intent="warning" layout="multiline" data-testid="scope-problem">
              <MessageBarBody>{blocked}</MessageBarBody>
            </MessageBar>
          )}
          <MappingEditor header={p.header} mapping={p.mapping} columns={config.columns} issues={p.issues} textCells={p.textCells} onChange={onColumn} />
          <IssueList issues={other} total={p.issueCount - (p.issues.length - other.length) - Math.max(0, hidden - p.issues.filter(saidAtMapping).length)} leftOutRows={p.leftOutRows} onSelect={onSelectCell} />
          <ScopeEditor
            config={config}
            header={p.header}
            window={p.window}
            latestSale={p.latestSale}
            decimalRead={{ decimal: p.decimal, proven: p.decimalProven }}
            issues={[...draftIssues, ...p.issues.filter(shownByField)]}
            onChange={onScope}
            valuesOf={valuesOf}
          />
        </>
      )}
    </div>
  );
}
