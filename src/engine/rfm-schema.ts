// The configuration of an RFM segment type (SEMANTICS.md section 8): scores, cut points, the named segment table.
import { z } from 'zod';
import { checkUniqueNames, finite, name, type Obj, visitFields } from './schema-kit';

const range = z.tuple([z.number().int(), z.number().int()]);

export const rfmSegmentSchema = (obj: Obj) =>
  obj({
    name: name(),
    /** Score ranges, both ends included; a missing letter matches any score. */
    r: range.optional(),
    f: range.optional(),
    m: range.optional(),
    color: z.string().optional(),
    ...visitFields,
  });

export interface RfmSegmentInput {
  name: string;
  r?: [number, number];
  f?: [number, number];
  m?: [number, number];
}

/**
 * The default table partitions the 5 x 5 recency x frequency grid (the usual RFM segment map), so with
 * it nobody lands in `Others`. Monetary is left free; edit the table to use it.
 */
export const DEFAULT_RFM_SEGMENTS: readonly RfmSegmentInput[] = [
  { name: 'Champions', r: [5, 5], f: [4, 5] },
  { name: 'Loyal', r: [3, 4], f: [4, 5] },
  { name: 'Potential loyalist', r: [4, 5], f: [2, 3] },
  { name: 'New', r: [5, 5], f: [1, 1] },
  { name: 'Promising', r: [4, 4], f: [1, 1] },
  { name: 'Need attention', r: [3, 3], f: [3, 3] },
  { name: 'About to sleep', r: [3, 3], f: [1, 2] },
  { name: 'At risk', r: [1, 2], f: [3, 4] },
  { name: "Can't lose them", r: [1, 2], f: [5, 5] },
  { name: 'Hibernating', r: [2, 2], f: [1, 2] },
  { name: 'Lost', r: [1, 1], f: [1, 2] },
];

export const OTHERS = 'Others';

const cuts = z.array(finite()).min(1);

export const rfmTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('rfm'),
    scores: z.number().int().min(2, 'at least 2 scores').max(9, 'at most 9 scores').default(5),
    /** Custom cut points, ascending, one fewer than the scores: a value up to the first cut point scores 1 (recency: days, reversed). */
    cuts: obj({ recency: cuts.optional(), frequency: cuts.optional(), monetary: cuts.optional() }).default({}),
    /** First match in table order; customers no row matches are in `Others`. Defaults to the usual 11-segment map. */
    segments: z
      .array(rfmSegmentSchema(obj))
      .min(1, 'list at least one segment (customers no segment matches are in "Others")')
      .default(() => DEFAULT_RFM_SEGMENTS.map((s) => ({ ...s }))),
  }).superRefine((t, ctx) => {
    checkUniqueNames(t.segments, ctx, 'segments', 'segment');
    const others = t.segments.findIndex((s) => s.name.toLowerCase() === OTHERS.toLowerCase());
    if (others >= 0) {
      ctx.addIssue({ code: 'custom', path: ['segments', others, 'name'], message: `"${OTHERS}" is where customers that match no segment go; give this segment another name` });
    }
    for (const k of ['recency', 'frequency', 'monetary'] as const) {
      const c = t.cuts[k];
      if (!c) continue;
      if (c.length !== t.scores - 1) {
        ctx.addIssue({ code: 'custom', path: ['cuts', k], message: `${t.scores} scores need ${t.scores - 1} cut points, not ${c.length}` });
      }
      for (let i = 1; i < c.length; i++) {
        if (!(c[i] > c[i - 1])) ctx.addIssue({ code: 'custom', path: ['cuts', k, i], message: 'cut points must go up' });
      }
    }
    // Each bound is checked on its own, so the pane can put the message under the box that fixes it
    // (segments[7].r[0] is "At risk: R from").
    t.segments.forEach((s, i) => {
      for (const k of ['r', 'f', 'm'] as const) {
        const r = s[k];
        if (!r) continue;
        const letter = k.toUpperCase();
        const hint = t.scores !== 5 ? ' (the default segment table is written for 5 scores)' : '';
        r.forEach((v, end) => {
          if (v < 1 || v > t.scores) {
            ctx.addIssue({ code: 'custom', path: ['segments', i, k, end], message: `${letter} scores run from 1 to ${t.scores}, not ${v}${hint}` });
          }
        });
        if (r[0] > r[1]) {
          ctx.addIssue({ code: 'custom', path: ['segments', i, k, 0], message: `no ${letter} score is from ${r[0]} to ${r[1]}: "from" must not be above "to"` });
        }
      }
    });
  });

export type RfmType = z.output<ReturnType<typeof rfmTypeSchema>>;
export type RfmSegment = RfmType['segments'][number];
