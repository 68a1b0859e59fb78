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

/** Every name used again in a list (trimmed, case aside): its index, the first one's, and the message. */
export function duplicateNames(items: readonly { name: string }[], key: string, what: string): { index: number; message: string }[] {
  const seen = new Map<string, number>();
  const out: { index: number; message: string }[] = [];
  items.forEach((item, i) => {
    const k = item.name.trim().toLowerCase();
    const first = seen.get(k);
    if (first !== undefined) out.push({ index: i, message: `${what} "${item.name}" is already used by ${key}[${first}]` });
    else seen.set(k, i);
  });
  return out;
}

/** Reports every duplicate name in a list, with the path of the second one. */
export function checkUniqueNames(
  items: readonly { name: string }[],
  ctx: z.RefinementCtx,
  key: string,
  what: string,
): void {
  for (const d of duplicateNames(items, key, what)) ctx.addIssue({ code: 'custom', path: [key, d.index, 'name'], message: d.message });
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what this pattern looks for
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const EXCEL_CODE = /_x([0-9A-Fa-f]{4})_/;

/** What a control character is, in a user's words. */
function controlName(c: string): string {
  if (c === '\t') return 'a tab';
  if (c === '\n' || c === '\r') return 'a line break';
  return `a control character (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * A segment type's name heads columns of Excel tables (the tiers table's `Sales ABC`, `Sales ABC
 * (auto)`, the segment column beside the sales lines). Excel allows no control characters there
 * (one makes the table part unreadable), and it reads `_xHHHH_` in a column's name as the character
 * it codes, so the column would no longer match its header cell and Excel would repair the table.
 */
export function checkTypeNames(types: readonly { name: string }[], ctx: z.RefinementCtx): void {
  types.forEach((t, i) => {
    const path = ['segmentTypes', i, 'name'];
    const control = CONTROL.exec(t.name);
    if (control) {
      ctx.addIssue({ code: 'custom', path, message: `segment type ${JSON.stringify(t.name)} holds ${controlName(control[0])}: its name heads table columns in Excel, where tabs, line breaks and control characters cannot be; remove it` });
    }
    const coded = EXCEL_CODE.exec(t.name);
    if (coded) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `segment type "${t.name}" contains "${coded[0]}", which Excel reads in a table column's name as the character it codes (${JSON.stringify(String.fromCharCode(parseInt(coded[1], 16)))}), so the column would not match its header: write it another way (without one of the underscores, say)`,
      });
    }
  });
}
