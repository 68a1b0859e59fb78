// The segment types of the configuration: pick one to edit, reorder, remove, add one of any kind.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { Add20Regular } from '@fluentui/react-icons';
import { memo } from 'react';
import type { SegmentKind, SegmentType } from '../../engine/config';
import { EDITORS } from './editors/registry';
import { ListControls } from './editors/ListControls';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  item: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  pick: { flexGrow: 1, justifyContent: 'flex-start', minWidth: 0 },
  // The button's own colour, no lighter: dimmed, it read at 4.35:1 on the selected (brand) button in dark.
  kind: { color: 'inherit', marginLeft: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular },
  invalid: { color: tokens.colorPaletteRedForeground1, marginLeft: tokens.spacingHorizontalS },
  // Red on the selected (brand) button read at 1.34:1: there it takes the button's own text colour,
  // and the words and the weight carry the meaning.
  invalidSelected: { color: 'inherit', marginLeft: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
});

export interface SegmentTypeListProps {
  types: SegmentType[];
  selected: number;
  invalid: boolean[];
  onSelect(i: number): void;
  onMove(i: number, by: -1 | 1): void;
  onRemove(i: number): void;
  onAdd(kind: SegmentKind): void;
}

/**
 * The list shows names and kinds only: a drag that changes a type's thresholds leaves it as it is
 * (its callbacks are stable, Pane.tsx), so it is not rendered again for every step of the drag.
 */
function sameList(a: SegmentTypeListProps, b: SegmentTypeListProps): boolean {
  return (
    a.selected === b.selected &&
    a.types.length === b.types.length &&
    a.types.every((t, i) => t.name === b.types[i].name && t.kind === b.types[i].kind) &&
    a.invalid.length === b.invalid.length &&
    a.invalid.every((v, i) => v === b.invalid[i]) &&
    a.onSelect === b.onSelect &&
    a.onMove === b.onMove &&
    a.onRemove === b.onRemove &&
    a.onAdd === b.onAdd
  );
}

export const SegmentTypeList = memo(function SegmentTypeList({ types, selected, invalid, onSelect, onMove, onRemove, onAdd }: SegmentTypeListProps) {
  const styles = useStyles();
  const kinds = Object.keys(EDITORS) as SegmentKind[];
  return (
    <div>
      <ul className={styles.list} aria-label="Segment types">
        {types.map((t, i) => (
          <li key={i} className={styles.item}>
            <ToggleButton className={styles.pick} appearance={i === selected ? 'primary' : 'subtle'} checked={i === selected} onClick={() => onSelect(i)}>
              {t.name.trim() || `(unnamed ${i + 1})`}
              <span className={styles.kind}>{EDITORS[t.kind].label.split(' ')[0]}</span>
              {invalid[i] && (
                <span className={i === selected ? styles.invalidSelected : styles.invalid} data-testid="needs-attention">
                  needs attention
                </span>
              )}
            </ToggleButton>
            <ListControls noun="segment type" name={t.name} index={i} count={types.length} onMove={(by) => onMove(i, by)} onRemove={() => onRemove(i)} />
          </li>
        ))}
      </ul>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button icon={<Add20Regular />} style={{ marginTop: tokens.spacingVerticalS }}>
            Add segment type
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {kinds.map((k) => (
              <MenuItem key={k} onClick={() => onAdd(k)} secondaryContent={undefined}>
                {EDITORS[k].label}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}, sameList);
