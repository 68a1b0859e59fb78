// The configuration of an ABC (Pareto share) segment type, and the checks a manager needs before a run.
import { z } from 'zod';
import { checkUniqueNames, finite, name, type Obj, visitFields } from './schema-kit';

/** Shares are compared with this tolerance: 80 + 15 + 5 computed as 99.99999999 is still 100. */
export const SHARE_TOLERANCE = 1e-9;

export const abcMeasures = ['sales', 'profit', 'quantity'] as const;

export const abcSegmentSchema = (obj: Obj) =>
  obj({
    name: name(),
    share: finite().min(0, 'a share cannot be negative').max(100, 'a share cannot pass 100').optional(),
    exclude: z.boolean().optional(),
    default: z.boolean().optional(),
    color: z.string().optional(),
    ...visitFields,
  });

export const abcTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('abc'),
    measure: z.enum(abcMeasures).default('sales'),
    /** `upper`: the customer who crosses a threshold stays in the higher segment (SEMANTICS 3.4). */
    boundary: z.enum(['upper', 'lower']).default('upper'),
    minimumNetSales: finite().optional(),
    segments: z.array(abcSegmentSchema(obj)).min(1, 'an ABC segment type needs at least one segment'),
  }).superRefine((t, ctx) => {
    checkUniqueNames(t.segments, ctx, 'segments', 'segment');
    const ranked = t.segments.filter(takesPartInRanking);
    if (ranked.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['segments'], message: 'at least one segment must take part in the ranking (not excluded)' });
    }
    t.segments.forEach((s, i) => {
      if (takesPartInRanking(s) && s.share === undefined) {
        ctx.addIssue({ code: 'custom', path: ['segments', i, 'share'], message: `segment "${s.name}" needs a share (percent of ${t.measure}), exclude: true or default: true` });
      }
    });
    const sum = ranked.reduce((acc, s) => acc + (s.share ?? 0), 0);
    if (ranked.length > 0 && Math.abs(sum - 100) > 1e-6) {
      ctx.addIssue({ code: 'custom', path: ['segments'], message: `the shares of the segments add up to ${round(sum)}, not 100` });
    }
    const defaults = t.segments.map((s, i) => (s.default ? i : -1)).filter((i) => i >= 0);
    if (defaults.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['segments', defaults[1], 'default'], message: 'only one segment can be the default' });
    }
  });

/**
 * Excluded segments are given by hand only; a default segment without a share only receives the customers
 * without lines in the window (SEMANTICS.md 3.7). Every other segment is ranked by its share.
 */
export function takesPartInRanking(s: { exclude?: boolean; default?: boolean; share?: number }): boolean {
  return !s.exclude && !(s.default === true && s.share === undefined);
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export type AbcType = z.output<ReturnType<typeof abcTypeSchema>>;
export type AbcSegment = AbcType['segments'][number];
