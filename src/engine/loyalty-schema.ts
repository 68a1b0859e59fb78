// The configuration of a loyalty program (SEMANTICS.md section 5): program rates, rules, levels, rewards.
import { z } from 'zod';
import { checkUniqueNames, finite, name, type Obj, visitFields } from './schema-kit';

const matchValue = z.union([z.string(), finite(), z.boolean()]).transform((v) => String(v).trim());

export const loyaltyRuleSchema = (obj: Obj) =>
  obj({
    /** A column of the sales range (its header, or a role such as "product" or "category") and the values it must equal. */
    match: obj({
      column: z.string().trim().min(1, 'a rule needs the column it looks at'),
      in: z.array(matchValue).min(1, 'a rule needs at least one value to match'),
    }),
    perUnit: finite().default(0),
    perCurrency: finite().default(0),
    /** false (as in Odoo): the rule replaces what follows it, rules and program rates, for the lines it matches. */
    cumulative: z.boolean().default(false),
  });

export const loyaltyLevelSchema = (obj: Obj) =>
  obj({
    name: name(),
    minPoints: finite(),
    /** Percent (5 = 5 %): the level's pricelist discount, written as a column. */
    discount: finite().min(0, 'a discount cannot be negative').max(100, 'a discount cannot pass 100').optional(),
    color: z.string().optional(),
    ...visitFields,
  });

export const loyaltyRewardSchema = (obj: Obj) =>
  obj({
    name: name(),
    minPoints: finite().default(0),
    cost: finite().refine((v) => v > 0, 'a reward must cost more than 0 points'),
  });

export const loyaltyTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('loyalty'),
    perCurrency: finite().default(0),
    perUnit: finite().default(0),
    perOrder: finite().default(0),
    /** Points are rounded to a multiple of this, half away from zero (SEMANTICS 5). */
    rounding: finite().refine((v) => v > 0, 'rounding must be greater than 0 (1 = whole points)').default(1),
    rules: z.array(loyaltyRuleSchema(obj)).default([]),
    levels: z.array(loyaltyLevelSchema(obj)).min(1, 'a loyalty program needs at least one level'),
    rewards: z.array(loyaltyRewardSchema(obj)).default([]),
    /** false: a customer never falls below the level of the previous run. */
    demote: z.boolean().default(false),
  }).superRefine((t, ctx) => {
    checkUniqueNames(t.levels, ctx, 'levels', 'level');
    checkUniqueNames(t.rewards, ctx, 'rewards', 'reward');
    for (let i = 1; i < t.levels.length; i++) {
      if (!(t.levels[i].minPoints > t.levels[i - 1].minPoints)) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', i, 'minPoints'],
          message: `list the levels from the lowest to the highest: "${t.levels[i].name}" needs more points than "${t.levels[i - 1].name}" (${t.levels[i - 1].minPoints})`,
        });
      }
    }
  });

export type LoyaltyType = z.output<ReturnType<typeof loyaltyTypeSchema>>;
export type LoyaltyLevel = LoyaltyType['levels'][number];
export type LoyaltyReward = LoyaltyType['rewards'][number];
