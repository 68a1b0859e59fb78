// The contract every segment kind's editor meets. The registry (registry.ts) maps each kind to one.
import type { ComponentType } from 'react';
import type { SegmentKind, SegmentType } from '../../../engine/config';
import type { Issue } from '../../../engine/types';

export type TypeOf<K extends SegmentKind> = Extract<SegmentType, { kind: K }>;

export interface EditorProps<T extends SegmentType> {
  /** The segment type as edited (may be invalid: the editor shows why). */
  value: T;
  /** Its configuration path, e.g. `segmentTypes[1]`; issue paths start with it. */
  path: string;
  /** Validation issues at or below `path`, from the engine's schema. */
  issues: Issue[];
  onChange(next: T): void;
  /** Every segment type of the draft, for an editor that refers to another (XYZ crosses with an ABC type). */
  types?: readonly SegmentType[];
}

export interface EditorEntry<K extends SegmentKind> {
  /** What the user picks in "Add segment type". */
  label: string;
  description: string;
  /** A new segment type of this kind with sensible defaults, named `name`. */
  create(name: string): TypeOf<K>;
  Editor: ComponentType<EditorProps<TypeOf<K>>>;
}

/** One entry per kind: a kind added to the engine without an editor is a type error here. */
export type EditorRegistry = { [K in SegmentKind]: EditorEntry<K> };
