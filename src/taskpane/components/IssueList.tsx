// The rows left out and the first problems, each with its address; a click selects the cell.
import { Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { isSheetReference } from '../../engine/address';
import type { Issue } from '../../engine/types';
import { useFormats } from '../format';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  value: { color: tokens.colorNeutralForeground3 },
});

export interface IssueListProps {
  issues: Issue[];
  total: number;
  leftOutRows: number;
  onSelect?(address: string): void;
}

export function IssueList({ issues, total, leftOutRows, onSelect }: IssueListProps) {
  const styles = useStyles();
  const f = useFormats();
  return (
    <section aria-label="Problems found in the data">
      <Text weight="semibold" as="p" data-testid="left-out">
        {leftOutRows === 0 ? 'Every row was used.' : `${f.integer(leftOutRows)} ${leftOutRows === 1 ? 'row was' : 'rows were'} left out because of a problem.`}
      </Text>
      {issues.length > 0 && (
        <>
          <Text as="p" size={200}>
            {total > issues.length ? `The first ${f.integer(issues.length)} of ${f.integer(total)} problems (Apply lists every one on the Segment Summary sheet):` : 'Problems:'}
          </Text>
          <ul className={styles.list}>
            {issues.map((i, k) => (
              <li key={k}>
                {onSelect && isSheetReference(i.where) ? (
                  <Link onClick={() => onSelect(i.where)} aria-label={`Select ${i.where} in the workbook`}>
                    {i.where}
                  </Link>
                ) : (
                  <Text weight="semibold">{i.where}</Text>
                )}
                : <Text>{i.message}</Text>
                {i.value !== undefined && i.value !== '' && <Text className={styles.value}> ({String(i.value)})</Text>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
