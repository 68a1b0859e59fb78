// Move up / move down / remove buttons for one item of an ordered list, labelled for screen readers.
// A removal is announced to the pane (RemovalContext), which offers to undo it.
import { Button, Tooltip, tokens } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Delete20Regular } from '@fluentui/react-icons';
import { useContext, useRef } from 'react';
import { RemovalContext, rowOf } from '../../state/removal';

export interface ListControlsProps {
  /** The item's name, for the labels ("Move A up"). */
  name: string;
  index: number;
  count: number;
  onMove(by: -1 | 1): void;
  onRemove?(): void;
  /** The list may be empty (rewards): the last item can be removed too. */
  mayEmpty?: boolean;
  /** What an item is, for the Undo bar: "segment" makes "Removed the segment B." */
  noun?: string;
}

export function ListControls({ name, index, count, onMove, onRemove, mayEmpty, noun }: ListControlsProps) {
  const label = name.trim() || `item ${index + 1}`;
  const announce = useContext(RemovalContext);
  const self = useRef<HTMLSpanElement>(null);
  const remove = () => {
    // Where the row is must be read before the removal takes it away.
    const focus = rowOf(self.current, index, count);
    onRemove?.();
    announce?.(noun ? `the ${noun} ${label}` : label, focus);
  };
  return (
    <span ref={self} role="group" aria-label={`Order of ${label}`} style={{ display: 'inline-flex', flexShrink: 0 }}>
      <Tooltip content={`Move ${label} up`} relationship="label">
        <Button appearance="subtle" size="small" icon={<ArrowUp20Regular />} disabled={index === 0} onClick={() => onMove(-1)} />
      </Tooltip>
      <Tooltip content={`Move ${label} down`} relationship="label">
        <Button appearance="subtle" size="small" icon={<ArrowDown20Regular />} disabled={index === count - 1} onClick={() => onMove(1)} />
      </Tooltip>
      {onRemove && (
        <Tooltip content={`Remove ${label}`} relationship="label">
          <Button appearance="subtle" size="small" icon={<Delete20Regular />} disabled={count <= 1 && !mayEmpty} onClick={remove} />
        </Tooltip>
      )}
    </span>
  );
}

/** `items` with item `i` swapped with its neighbour. */
export function moved<T>(items: readonly T[], i: number, by: -1 | 1): T[] {
  const to = i + by;
  if (to < 0 || to >= items.length) return items.slice();
  const out = items.slice();
  [out[i], out[to]] = [out[to], out[i]];
  return out;
}

/** The look every list row of an editor shares (bands, shares, levels, rewards, criteria lines). */
export const listRowStyle = {
  display: 'flex',
  flexDirection: 'column',
  rowGap: tokens.spacingVerticalXS,
  padding: `${tokens.spacingVerticalS} 0`,
  borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
} as const;

/** One line of fields inside a list row; `alignItems` decides whether fields line up by top or bottom. */
export const listLineStyle = (alignItems: 'flex-start' | 'flex-end') =>
  ({ display: 'flex', alignItems, columnGap: tokens.spacingHorizontalS, flexWrap: 'wrap' }) as const;
