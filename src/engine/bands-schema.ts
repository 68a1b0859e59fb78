// The configuration of a profit-band segment type: absolute ranges [min, max) with no gap and no overlap.
import { z } from 'zod';
import { checkUniqueNames, finite, name, type Obj, visitFields } from './schema-kit';

export const bandMeasures = ['profit', 'sales', 'margin'] as const;

export const bandSchema = (obj: Obj) =>
  obj({
    name: name(),
    min: finite().optional(),
    max: finite().optional(),
    /** Where customers without a value go (margin of a customer with no sales, no line in the window). */
    default: z.boolean().optional(),
    color: z.string().optional(),
    ...visitFields,
  });

export const bandsTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('bands'),
    measure: z.enum(bandMeasures).default('profit'),
    minimumNetSales: finite().optional(),
    bands: z.array(bandSchema(obj)).min(1, 'a band segment type needs at least one band'),
  }).superRefine((t, ctx) => {
    checkUniqueNames(t.bands, ctx, 'bands', 'band');
    for (const issue of bandCoverageIssues(t.bands)) ctx.addIssue({ code: 'custom', ...issue });
    const defaults = t.bands.map((b, i) => (b.default ? i : -1)).filter((i) => i >= 0);
    if (defaults.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['bands', defaults[1], 'default'], message: 'only one band can be the default' });
    }
  });

export type BandsType = z.output<ReturnType<typeof bandsTypeSchema>>;
export type Band = BandsType['bands'][number];

const show = (x: number) => String(Math.round(x * 1e6) / 1e6);

/**
 * Every way a list of bands fails to cover the number line exactly once, with the interval named
 * (`no band covers 500 to 600`). Shared by the schema and the band editor, so both say the same words.
 */
export function bandCoverageIssues(
  bands: readonly { name: string; min?: number; max?: number }[],
): { path: (string | number)[]; message: string }[] {
  const out: { path: (string | number)[]; message: string }[] = [];
  bands.forEach((b, i) => {
    if (i > 0 && b.min === undefined) {
      out.push({ path: ['bands', i, 'min'], message: `band "${b.name}" needs a min: only the first band may start at minus infinity` });
    }
    if (i < bands.length - 1 && b.max === undefined) {
      out.push({ path: ['bands', i, 'max'], message: `band "${b.name}" needs a max: only the last band may run to plus infinity` });
    }
    if (b.min !== undefined && b.max !== undefined && !(b.min < b.max)) {
      out.push({ path: ['bands', i, 'max'], message: `band "${b.name}" is empty: its max (${show(b.max)}) must be greater than its min (${show(b.min)})` });
    }
  });
  for (let i = 0; i + 1 < bands.length; i++) {
    const a = bands[i];
    const b = bands[i + 1];
    if (a.max === undefined || b.min === undefined) continue;
    if (a.max < b.min) {
      out.push({ path: ['bands', i + 1, 'min'], message: `no band covers ${show(a.max)} to ${show(b.min)}` });
    } else if (a.max > b.min) {
      out.push({ path: ['bands', i + 1, 'min'], message: `bands "${a.name}" and "${b.name}" overlap from ${show(b.min)} to ${show(a.max)}; bands must be sorted and each band's max must equal the next band's min` });
    }
  }
  return out;
}
