// A segment type's own minimum net sales (ABC and bands): customers below it are not ranked or banded
// and get the type's default segment. Blank: the minimum of the Data step, if any.
import type { Issue } from '../../../engine/types';
import { issuesAt } from '../../state/validation';
import { NumberField } from '../NumberField';

export function MinimumField<T extends { minimumNetSales?: number }>({ value, path, issues, onChange }: { value: T; path: string; issues: Issue[]; onChange(t: T): void }) {
  return (
    <NumberField
      label="Minimum net sales for this type"
      placeholder="As in the Data step"
      value={value.minimumNetSales}
      issues={issuesAt(issues, `${path}.minimumNetSales`)}
      onChange={(m) => {
        const next = { ...value, minimumNetSales: m };
        // Blank is no key at all, as a configuration file would have it.
        if (m === undefined) delete next.minimumNetSales;
        onChange(next);
      }}
    />
  );
}
