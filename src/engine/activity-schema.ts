// The configuration of an activity segment type (SEMANTICS.md section 6): state of mind and criteria lines.
import { z } from 'zod';
import { finite, name, type Obj, visitFields } from './schema-kit';

export const activityMeasures = ['sales', 'profit', 'orders', 'points', 'lastPurchaseDays', 'som'] as const;
export const activityOperators = ['<', '<=', '=', '>=', '>', '!='] as const;
export type ActivityMeasure = (typeof activityMeasures)[number];
export type ActivityOperator = (typeof activityOperators)[number];

export const activityLineSchema = (obj: Obj) =>
  obj({
    measure: z.enum(activityMeasures),
    operator: z.enum(activityOperators),
    value: finite(),
    /** true: the line must hold. false: optional; at least one optional line must hold when there are some. */
    mandatory: z.boolean().default(true),
  });

export const activityTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('activity'),
    /** The category added to the customers that match (a customer tag, as in OpenERP). */
    category: name(),
    periodDays: z.number().int().min(1, 'a period has at least 1 day').max(3660).default(30),
    periods: z.number().int().min(1, 'at least 1 period').max(1000).default(12),
    initial: finite().min(0, 'the state of mind is between 0 and 1').max(1, 'the state of mind is between 0 and 1').default(0.5),
    decrease: finite().min(0, 'decrease is between 0 and 1').max(1, 'decrease is between 0 and 1').default(0.8),
    /** true: the category is also taken away from customers that no longer match. */
    exclusive: z.boolean().default(false),
    /** The loyalty segment type whose points the `points` measure reads (default: the first one). */
    loyalty: z.string().trim().min(1).optional(),
    criteria: z.array(activityLineSchema(obj)).default([]),
    color: z.string().optional(),
    ...visitFields,
  });

export type ActivityType = z.output<ReturnType<typeof activityTypeSchema>>;
export type ActivityLine = ActivityType['criteria'][number];
