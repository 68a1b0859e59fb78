// The configuration of an XYZ (demand variability) segment type, SEMANTICS.md section 11.
import { z } from 'zod';
import { checkUniqueNames, finite, name, type Obj, visitFields } from './schema-kit';

export const XYZ_PERIODS = ['month', 'quarter', 'week'] as const;
export type XyzPeriod = (typeof XYZ_PERIODS)[number];

export const xyzSegmentSchema = (obj: Obj) =>
  obj({
    name: name(),
    /** The largest coefficient of variation the segment takes (tolerance 1e-9); the last segment has none. */
    maxCv: finite().min(0, 'a coefficient of variation cannot be negative').optional(),
    color: z.string().optional(),
    ...visitFields,
  });

export const DEFAULT_XYZ_SEGMENTS = [
  { name: 'X', maxCv: 0.5 },
  { name: 'Y', maxCv: 1 },
  { name: 'Z' },
];

export const xyzTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('xyz'),
    measure: z.enum(['sales', 'quantity']).default('sales'),
    period: z.enum(XYZ_PERIODS).default('month'),
    /** Fewer periods with a total other than 0 than this: not classified. */
    minPeriods: z.number().int().min(1, 'at least 1 period').default(3),
    unclassified: name().default('Unclassified'),
    segments: z
      .array(xyzSegmentSchema(obj))
      .min(1, 'an XYZ segment type needs at least one segment')
      .default(() => DEFAULT_XYZ_SEGMENTS.map((s) => ({ ...s }))),
    /** The ABC type to cross with this one in the ABC-XYZ matrix (section 11). */
    abcType: z.string().trim().min(1).optional(),
    /** Adds a column with the two segments side by side, such as `AX` (needs `abcType`). */
    combined: z.boolean().default(false),
  }).superRefine((t, ctx) => {
    checkUniqueNames(t.segments, ctx, 'segments', 'segment');
    // Said at the unclassified name, not at an index past the list: the pane's link goes to its box.
    const clash = t.segments.findIndex((s) => s.name.trim().toLowerCase() === t.unclassified.trim().toLowerCase());
    if (clash >= 0) ctx.addIssue({ code: 'custom', path: ['unclassified'], message: `"${t.unclassified}" is already the name of segment ${clash + 1}: the unclassified segment needs a name of its own` });
    t.segments.forEach((s, i) => {
      const last = i === t.segments.length - 1;
      if (!last && s.maxCv === undefined) {
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'maxCv'], message: `segment "${s.name}" needs its largest CV (maxCv): every segment but the last has one` });
      }
      if (last && s.maxCv !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'maxCv'], message: `the last segment "${s.name}" takes every larger CV: remove its largest CV (maxCv)` });
      }
      const before = t.segments[i - 1]?.maxCv;
      if (!last && before !== undefined && s.maxCv !== undefined && s.maxCv <= before) {
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'maxCv'], message: `the largest CV of "${s.name}" (maxCv ${s.maxCv}) must be above ${before}, that of the segment before it` });
      }
    });
    if (t.combined && t.abcType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['combined'], message: 'a combined column needs abcType: the ABC segment type to combine with' });
    }
  });

export type XyzType = z.output<ReturnType<typeof xyzTypeSchema>>;
export type XyzSegment = XyzType['segments'][number];
