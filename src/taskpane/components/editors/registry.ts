// Segment kind -> its editor. The loyalty, activity, profiles and RFM editors plug in here when
// their kinds join the engine's SEGMENT_KINDS: the mapped type below makes a missing entry an error.
import { AbcEditor } from './AbcEditor';
import { BandsEditor } from './BandsEditor';
import type { EditorRegistry } from './types';

export const EDITORS: EditorRegistry = {
  abc: {
    label: 'ABC (Pareto share)',
    description: 'Rank customers by sales, profit or quantity; A takes the top 80 %, B the next 15 %, C the rest.',
    create: (name) => ({
      name,
      kind: 'abc',
      measure: 'sales',
      boundary: 'upper',
      segments: [
        { name: 'A', share: 80 },
        { name: 'B', share: 15 },
        { name: 'C', share: 5 },
      ],
    }),
    Editor: AbcEditor,
  },
  bands: {
    label: 'Bands (absolute ranges)',
    description: 'Place customers in fixed ranges of profit, sales or margin %, such as Loss, Low, Mid, High.',
    create: (name) => ({
      name,
      kind: 'bands',
      measure: 'profit',
      bands: [
        { name: 'Loss', max: 0 },
        { name: 'Low', min: 0, max: 500 },
        { name: 'Mid', min: 500, max: 2000 },
        { name: 'High', min: 2000 },
      ],
    }),
    Editor: BandsEditor,
  },
};
