// Step 1: where the sales lines are (and the answers and visits ranges, when a type reads them), which column plays which role, and what could not be read.
import { MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Config } from '../../engine/config';
import type { ColumnRole } from '../../engine/types';
import type { SourceState } from '../state/useSource';
import { useFormats } from '../format';
import { ExtraSourcePickers } from './ExtraSourcePickers';
import { IssueList } from './IssueList';
import { MappingEditor } from './MappingEditor';
import { SourcePicker } from './SourcePicker';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
});

export interface DataStepProps {
  src: SourceState;
  columns: Config['columns'];
  segmentTypes: Config['segmentTypes'];
  onColumn(role: ColumnRole, header: string | undefined): void;
  onSelectCell?(address: string): void;
}

export function DataStep({ src, columns, segmentTypes, onColumn, onSelectCell }: DataStepProps) {
  const styles = useStyles();
  const f = useFormats();
  const p = src.prepared;
  const other = p ? p.issues.filter((i) => !i.where.startsWith('columns.')) : [];
  return (
    <div className={styles.root}>
      <SourcePicker sources={src.sources} source={src.source} onChoose={src.chooseSource} onReload={() => void src.reload()} disabled={src.busy !== undefined} />
      <ExtraSourcePickers sources={src.sources} types={segmentTypes} extras={src.extras} onChoose={src.chooseExtra} disabled={src.busy !== undefined} />
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
          <MappingEditor header={p.header} mapping={p.mapping} columns={columns} issues={p.issues} onChange={onColumn} />
          <IssueList issues={other} total={p.issueCount - (p.issues.length - other.length)} leftOutRows={p.leftOutRows} onSelect={onSelectCell} />
        </>
      )}
    </div>
  );
}
