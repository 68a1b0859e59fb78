// Small helpers every segment kind uses to declare its part of the configuration schema.
import { z } from 'zod';

/**
 * The configuration is parsed twice from one definition: loosely (unknown fields are kept, so a
 * newer Tierwise's settings survive a round trip through an older one) and strictly (only to list
 * the unknown fields as warnings). Each kind builds its schema with the `obj` it is handed.
 */
export type Obj = <T extends z.ZodRawShape>(shape: T) => z.ZodObject<T, z.core.$loose>;

export const looseObj: Obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape);
// The strict variant is only ever used to collect `unrecognized_keys`; its static type is the loose one.
export const strictObj: Obj = <T extends z.ZodRawShape>(shape: T) => z.strictObject(shape) as unknown as z.ZodObject<T, z.core.$loose>;

/** A name the user types: a segment, a level, a band. Trimmed, non-empty, and short enough for a column header. */
export const name = () =>
  z
    .string()
    .trim()
    .min(1, 'a name is required')
    .max(80, 'a name can have at most 80 characters');

/** Visit planning fields any segment of any kind may carry. */
export const visitFields = {
  visitEveryDays: z.number().int().positive().optional(),
  priority: z.number().int().optional(),
};

export const finite = () => z.number().refine(Number.isFinite, 'must be a finite number');

/** Reports every duplicate name in a list, with the path of the second one. */
export function checkUniqueNames(
  items: readonly { name: string }[],
  ctx: z.RefinementCtx,
  key: string,
  what: string,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const k = item.name.trim().toLowerCase();
    const first = seen.get(k);
    if (first !== undefined) {
      ctx.addIssue({ code: 'custom', path: [key, i, 'name'], message: `${what} "${item.name}" is already used by ${key}[${first}]` });
    } else seen.set(k, i);
  });
}
