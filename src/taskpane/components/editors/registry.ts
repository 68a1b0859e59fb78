// Segment kind -> its editor. A kind added to the engine's SEGMENT_KINDS without an entry here is a type
// error. Profiles are edited as JSON until they get a form of their own.
import { AbcEditor } from './AbcEditor';
import { ActivityEditor } from './ActivityEditor';
import { BandsEditor } from './BandsEditor';
import { JsonEditor } from './JsonEditor';
import { LoyaltyEditor } from './LoyaltyEditor';
import { RfmEditor } from './RfmEditor';
import { XyzEditor } from './XyzEditor';
import { defaultConfig, parseConfig, type SegmentKind } from '../../../engine/config';
import type { EditorRegistry, TypeOf } from './types';

/** ABC and bands start as in a new workbook's configuration (80/15/5 on sales; Loss, Low, Mid, High). */
function defaultOf<K extends 'abc' | 'bands'>(kind: K): TypeOf<K> {
  return defaultConfig().segmentTypes.find((t) => t.kind === kind) as TypeOf<K>;
}

/** A new segment type with the schema's defaults filled in (the inputs below are written valid). */
function withDefaults<K extends SegmentKind>(input: { name: string; kind: K } & Record<string, unknown>): TypeOf<K> {
  const r = parseConfig({ version: 1, segmentTypes: [input] });
  if (!r.ok) throw new Error(`the default ${input.kind} segment type is invalid: ${JSON.stringify(r.issues)}`);
  return r.config.segmentTypes[0] as TypeOf<K>;
}

export const EDITORS: EditorRegistry = {
  abc: {
    label: 'ABC (Pareto share)',
    description: 'Rank customers by sales, profit or quantity; A takes the top 80 %, B the next 15 %, C the rest.',
    create: (name) => ({ ...defaultOf('abc'), name }),
    Editor: AbcEditor,
  },
  bands: {
    label: 'Bands (absolute ranges)',
    description: 'Place customers in fixed ranges of profit, sales or margin %, such as Loss, Low, Mid, High.',
    create: (name) => ({ ...defaultOf('bands'), name }),
    Editor: BandsEditor,
  },
  loyalty: {
    label: 'Loyalty points',
    description: 'Points per currency unit, unit or order, levels promoted by lifetime points, rewards with a cost.',
    create: (name) =>
      withDefaults({
        name,
        kind: 'loyalty',
        perCurrency: 1,
        rounding: 1,
        rules: [],
        levels: [
          { name: 'Bronze', minPoints: 0 },
          { name: 'Silver', minPoints: 2000 },
          { name: 'Gold', minPoints: 5000 },
        ],
        rewards: [],
      }),
    Editor: LoyaltyEditor,
  },
  activity: {
    label: 'Activity (state of mind)',
    description: 'A category for customers who keep buying; the state of mind decays period by period when they stop.',
    create: (name) =>
      withDefaults({
        name,
        kind: 'activity',
        category: 'Active buyer',
        periodDays: 90,
        periods: 8,
        initial: 0.5,
        decrease: 0.8,
        exclusive: true,
        criteria: [{ measure: 'som', operator: '>=', value: 0.6, mandatory: true }],
      }),
    Editor: ActivityEditor,
  },
  profiles: {
    label: 'Questionnaire profiles',
    description: "Profiles decided by customers' answers to a questionnaire (a second range: customer plus one column per question).",
    create: (name) =>
      withDefaults({
        name,
        kind: 'profiles',
        // The Tiny questionnaire's example from the README: large customers of the service sector.
        profiles: [{ name: 'Large services', include: { 'Industry sector': ['Services'], 'Specification ready': ['Yes'], 'Implementation budget': ['Unknown', '100k-300k', 'Over 300k'] } }],
      }),
    Editor: JsonEditor,
  },
  rfm: {
    label: 'RFM scores',
    description: 'Recency, frequency and monetary scores from 1 to 5 and the named segments they make.',
    create: (name) => withDefaults({ name, kind: 'rfm', scores: 5 }),
    Editor: RfmEditor,
  },
  xyz: {
    label: 'XYZ (steady or erratic buying)',
    description: 'How steady each customer buys: the variation of its monthly (or quarterly, weekly) sales; X steady, Y varying, Z erratic.',
    create: (name) => withDefaults({ name, kind: 'xyz' }),
    Editor: XyzEditor,
  },
};
