import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Issue } from '../../engine/types';

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, display: 'block' },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, display: 'block' },
});

/** Problems that belong to a group rather than one field (shares that do not add up to 100). */
export function GroupIssues({ issues, id }: { issues: Issue[]; id?: string }) {
  const styles = useStyles();
  if (issues.length === 0) return null;
  return (
    <div id={id} role="alert">
      {issues.map((i, k) => (
        <Text key={k} size={200} className={i.severity === 'error' ? styles.error : styles.warning}>
          {i.message}
        </Text>
      ))}
    </div>
  );
}

/** Fluent Field props for a field's own issues: the message sits under the field and is announced. */
export function fieldState(issues: Issue[]): { validationState?: 'error' | 'warning'; validationMessage?: string } {
  if (issues.length === 0) return {};
  return { validationState: issues.some((i) => i.severity === 'error') ? 'error' : 'warning', validationMessage: issues.map((i) => i.message).join(' ') };
}
