// The configuration document (SEMANTICS.md section 10): one versioned JSON, validated as a whole,
// every problem reported with its path, unknown fields kept and reported.
import { z } from 'zod';
import { abcTypeSchema } from './abc-schema';
import { activityTypeSchema } from './activity-schema';
import { bandsTypeSchema } from './bands-schema';
import { loyaltyTypeSchema } from './loyalty-schema';
import { profilesTypeSchema } from './profiles-schema';
import { rfmTypeSchema } from './rfm-schema';
import { xyzTypeSchema } from './xyz-schema';
import { checkTypeNames, checkUniqueNames, duplicateNames, finite, looseObj, type Obj, strictObj } from './schema-kit';
import { COLUMN_ROLES, type ColumnRole, type Issue } from './types';

export const CONFIG_VERSION = 1;

const isoDay = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date must be written YYYY-MM-DD');

function configSchema(obj: Obj) {
  // A header names the role's column; null says the role has none, even where a header would be
  // detected (a Quantity column full of `5 pcs` that no segment type reads need not leave lines out).
  const columns = obj(
    Object.fromEntries(COLUMN_ROLES.map((r) => [r, z.string().trim().min(1).nullable().optional()])) as Record<
      ColumnRole,
      z.ZodOptional<z.ZodNullable<z.ZodString>>
    >,
  );

  const window = z.discriminatedUnion(
    'kind',
    [
      obj({ kind: z.literal('all') }),
      obj({
        kind: z.literal('rolling'),
        months: z.number().int().min(1, 'a rolling window needs at least 1 month').max(1200),
        /** Defaults to the latest valid date in the data, never the clock. */
        end: isoDay().optional(),
      }),
      obj({
        kind: z.literal('year'),
        year: z.number().int().min(1900).max(9999),
        startMonth: z.number().int().min(1).max(12).default(1),
      }),
    ],
    { error: 'window.kind must be "all", "rolling" or "year"' },
  );

  const filterValue = z.union([z.string(), finite(), z.boolean()]).transform((v) => String(v).trim());
  const filter = obj({
    column: z.string().trim().min(1, 'a filter needs a column'),
    in: z.array(filterValue).optional(),
    notIn: z.array(filterValue).optional(),
  }).superRefine((f, ctx) => {
    if ((f.in === undefined) === (f.notIn === undefined)) {
      ctx.addIssue({ code: 'custom', path: [], message: 'a filter needs exactly one of "in" (keep these values) or "notIn" (drop them)' });
    }
  });

  const locale = obj({
    /** `auto` reads the separator from numbers written as text, such as 12,50, and says when it cannot tell. */
    decimal: z.enum(['auto', '.', ',']).default('auto'),
    /** `auto` reads the order from dates such as 25/03/2017 in the data and says what it chose. */
    dateOrder: z.enum(['auto', 'DMY', 'MDY']).default('auto'),
    date1904: z.boolean().optional(),
  });

  // A range by the name of its table or sheet: what a colleague's Excel can find again (a selection cannot).
  const range = z.union([obj({ table: z.string().trim().min(1, 'name the table') }), obj({ sheet: z.string().trim().min(1, 'name the sheet') })], {
    error: 'a range is { "table": "name" } or { "sheet": "name" }',
  });
  const ranges = obj({ sales: range.optional(), answers: range.optional(), visits: range.optional() });

  const segmentType = z.discriminatedUnion(
    'kind',
    [abcTypeSchema(obj), bandsTypeSchema(obj), loyaltyTypeSchema(obj), activityTypeSchema(obj), profilesTypeSchema(obj), rfmTypeSchema(obj), xyzTypeSchema(obj)],
    {
      error: (iss) =>
        iss.code === 'invalid_union' ? `unknown segment type kind; expected one of ${SEGMENT_KINDS.map((k) => `"${k}"`).join(', ')}` : undefined,
    },
  );

  return obj({
    /** Editors use it to find the JSON Schema; Tierwise does not. */
    $schema: z.string().optional(),
    version: z.literal(CONFIG_VERSION, { error: `version must be ${CONFIG_VERSION}` }),
    columns: columns.default({}),
    locale: locale.default({ decimal: 'auto', dateOrder: 'auto' }),
    window: window.default({ kind: 'all' }),
    filters: z.array(filter).default([]),
    minimumNetSales: finite().optional(),
    segmentTypes: z.array(segmentType).default([]),
    /** Segment type name -> customer id -> segment name. Manual choices win over the automatic segment. */
    overrides: z.record(z.string(), z.record(z.string(), z.string())).default({}),
    /** The ranges of the last run, so whoever opens the workbook next starts from the same ones. */
    ranges: ranges.optional(),
  }).superRefine((c, ctx) => {
    checkUniqueNames(c.segmentTypes, ctx, 'segmentTypes', 'segment type');
    checkTypeNames(c.segmentTypes, ctx);
    checkLoyaltyReferences(c.segmentTypes, ctx);
    checkAbcReferences(c.segmentTypes, ctx);
  });
}

/** An XYZ type's `abcType` names the ABC type of its matrix: it must be one. */
function checkAbcReferences(types: readonly { name: string; kind: string; abcType?: string }[], ctx: z.RefinementCtx): void {
  const abc = types.filter((t) => t.kind === 'abc').map((t) => t.name.toLowerCase());
  types.forEach((t, i) => {
    if (t.kind === 'xyz' && t.abcType !== undefined && !abc.includes(t.abcType.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['segmentTypes', i, 'abcType'], message: `no ABC segment type is named "${t.abcType}"` });
    }
  });
}

/** An activity type's `points` lines read a loyalty type: it must exist (named, or the first one). */
function checkLoyaltyReferences(types: readonly { name: string; kind: string; loyalty?: string; criteria?: readonly { measure: string }[] }[], ctx: z.RefinementCtx): void {
  const loyalty = types.filter((t) => t.kind === 'loyalty').map((t) => t.name.toLowerCase());
  types.forEach((t, i) => {
    if (t.kind !== 'activity') return;
    if (t.loyalty !== undefined && !loyalty.includes(t.loyalty.toLowerCase())) {
      ctx.addIssue({ code: 'custom', path: ['segmentTypes', i, 'loyalty'], message: `no loyalty segment type is named "${t.loyalty}"` });
      return;
    }
    const line = (t.criteria ?? []).findIndex((l) => l.measure === 'points');
    if (line >= 0 && loyalty.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['segmentTypes', i, 'criteria', line, 'measure'], message: 'a "points" line reads the points of a loyalty segment type: add one, or choose another measure' });
    }
  });
}

export const SEGMENT_KINDS = ['abc', 'bands', 'loyalty', 'activity', 'profiles', 'rfm', 'xyz'] as const;

const looseSchema = configSchema(looseObj);
const strictSchema = configSchema(strictObj);

export type Config = z.output<typeof looseSchema>;
export type ConfigInput = z.input<typeof looseSchema>;
export type SegmentType = Config['segmentTypes'][number];
export type SegmentKind = SegmentType['kind'];
export type WindowSpec = Config['window'];
export type Filter = Config['filters'][number];

export type ConfigResult =
  | { ok: true; config: Config; warnings: Issue[] }
  | { ok: false; issues: Issue[]; warnings: Issue[] };

/** `['segmentTypes', 1, 'bands', 2, 'min']` -> `segmentTypes[1].bands[2].min` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out || '(configuration)';
}

function toIssues(error: z.ZodError, severity: Issue['severity']): Issue[] {
  return error.issues.map((i) => ({ severity, where: formatPath(i.path), message: plainMessage(i) }));
}

// zod's wording is for developers; a finance user reads "required" more easily than "received undefined".
function plainMessage(i: z.core.$ZodIssue): string {
  const missing = /^Invalid input: expected (\w+), received undefined$/.exec(i.message);
  return missing ? `is required (${missing[1] === 'number' ? 'a number' : `a ${missing[1]}`})` : i.message;
}

/**
 * Validates a configuration document. A document that fails is never half-applied: the caller gets
 * every problem with its path. Unknown fields stay in the returned config and come back as warnings.
 */
export function parseConfig(input: unknown): ConfigResult {
  if (typeof input === 'object' && input !== null && 'version' in input) {
    const v = (input as { version: unknown }).version;
    if (typeof v === 'number' && v > CONFIG_VERSION) {
      return {
        ok: false,
        warnings: [],
        issues: [{ severity: 'error', where: 'version', message: `this configuration was written by a newer Tierwise (version ${v}); this one reads version ${CONFIG_VERSION}. Update Tierwise, or reset to the default configuration.` }],
      };
    }
  }
  const loose = looseSchema.safeParse(input);
  const strict = strictSchema.safeParse(input);
  const warnings = strict.success
    ? []
    : strict.error.issues
        .filter((i) => i.code === 'unrecognized_keys')
        .flatMap((i) =>
          (i as z.core.$ZodIssueUnrecognizedKeys).keys.map((k) => ({
            severity: 'warning' as const,
            where: formatPath([...i.path, k]),
            message: `unknown field "${k}": kept as it is, but Tierwise does not use it`,
          })),
        );
  if (!loose.success) return { ok: false, issues: [...toIssues(loose.error, 'error'), ...namesReusedBesides(input, loose.error)], warnings };
  return { ok: true, config: loose.data, warnings };
}

/**
 * Segment type names used twice, when another mistake (an unknown kind) kept the checks across types
 * from running: zod refines only a valid shape, and a user fixing one mistake at a time should see this
 * one with the others. Read from the raw document, where each named type has a text name.
 */
function namesReusedBesides(input: unknown, error: z.ZodError): Issue[] {
  const types = (input as { segmentTypes?: unknown } | null)?.segmentTypes;
  if (!Array.isArray(types)) return [];
  const named = types.map((t) => ({ name: typeof (t as { name?: unknown } | null)?.name === 'string' ? (t as { name: string }).name : '' }));
  const said = new Set(error.issues.map((i) => formatPath(i.path)));
  return duplicateNames(named, 'segmentTypes', 'segment type')
    .filter((d) => named[d.index].name.trim() !== '')
    .map((d) => ({ severity: 'error' as const, where: formatPath(['segmentTypes', d.index, 'name']), message: d.message }))
    .filter((i) => !said.has(i.where));
}

/** Where a JSON syntax error is, as an editor shows it: `position 112` becomes line 5, column 3. */
function jsonErrorAt(text: string, message: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `${message.replace(/(?: in JSON)? at position \d+.*$/, '')} (line ${line}, column ${column})`;
}

/** Parses JSON text first, so a syntax error is reported like any other problem. */
export function parseConfigText(text: string): ConfigResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, warnings: [], issues: [{ severity: 'error', where: '(configuration)', message: `not valid JSON: ${jsonErrorAt(text, (e as Error).message)}` }] };
  }
  return parseConfig(json);
}

/** JSON Schema for editors (written to schema/tierwise.config.schema.json by `npm run schema`). */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(configSchema(looseObj), { io: 'input', unrepresentable: 'any' }),
    title: 'Tierwise configuration',
  };
}

/** The schema as it is committed: stable formatting, so a change shows up as a readable diff. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

/** The configuration a new workbook starts with: ABC 80/15/5 on sales and four profit bands. */
export function defaultConfig(): Config {
  const result = parseConfig({
    version: 1,
    segmentTypes: [
      {
        name: 'Sales ABC',
        kind: 'abc',
        measure: 'sales',
        segments: [
          { name: 'A', share: 80 },
          { name: 'B', share: 15 },
          { name: 'C', share: 5 },
        ],
      },
      {
        name: 'Profit band',
        kind: 'bands',
        measure: 'profit',
        bands: [
          { name: 'Loss', max: 0 },
          { name: 'Low', min: 0, max: 500 },
          { name: 'Mid', min: 500, max: 2000 },
          { name: 'High', min: 2000 },
        ],
      },
    ],
  });
  if (!result.ok) throw new Error(`the default configuration is invalid: ${JSON.stringify(result.issues)}`);
  return result.config;
}
