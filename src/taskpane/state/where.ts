// Where a configuration problem is, in the words and names the pane shows ("Profit band > Mid: from"),
// and the id of the field that fixes it, so a message can take the user there.
import type { Config } from '../../engine/config';

/** Field keys as the pane's labels say them. */
const FIELDS: Record<string, string> = {
  min: 'from',
  max: 'to',
  share: 'share',
  name: 'name',
  default: 'default',
  exclude: 'excluded',
  minPoints: 'from points earned',
  discount: 'discount',
  value: 'value',
  months: 'Months',
  year: 'Year',
  end: 'Ending on',
  startMonth: 'Starting in',
  measure: 'measure',
  minimumNetSales: 'minimum net sales for this type',
  r: 'R',
  f: 'F',
  m: 'M',
  maxCv: 'largest CV',
  minPeriods: 'periods with sales at least',
  unclassified: 'unclassified segment',
  abcType: 'ABC type to cross with',
  combined: 'combined column',
  period: 'period',
};

/** Fields written as a range `[from, to]` (an RFM segment's score ranges), and the names of their ends. */
const RANGES = ['r', 'f', 'm'];
const ENDS = ['from', 'to'];

/** The list a segment type keeps its items in, per key of the configuration. */
const ITEM_LISTS = ['segments', 'bands', 'levels', 'rewards', 'lines', 'profiles'];

/** `segmentTypes[1].bands[2].min` -> `Profit band > Mid: from`, `segmentTypes[2].segments[7].r[0]` -> `RFM > At risk: R from`; a path the pane has no name for stays as it is. */
export function paneWhere(where: string, config: Config): string {
  const t = /^segmentTypes\[(\d+)\](?:\.(\w+)\[(\d+)\])?(?:\.(\w+))?(?:\[(\d+)\])?/.exec(where);
  if (t) {
    const type = config.segmentTypes[Number(t[1])];
    if (!type) return where;
    const parts = [type.name.trim() || `Segment type ${Number(t[1]) + 1}`];
    if (t[2] && ITEM_LISTS.includes(t[2])) {
      const items = (type as unknown as Record<string, { name?: string }[] | undefined>)[t[2]];
      const item = items?.[Number(t[3])];
      parts.push(item?.name?.trim() || `${t[2].replace(/s$/, '')} ${Number(t[3]) + 1}`);
    } else if (t[2]) parts.push(t[2]);
    const end = t[5] !== undefined && RANGES.includes(t[4]) ? ENDS[Number(t[5])] : undefined;
    const field = t[4] ? `${FIELDS[t[4]] ?? t[4]}${end ? ` ${end}` : ''}` : undefined;
    return field ? `${parts.join(' > ')}: ${field}` : parts.join(' > ');
  }
  const w = /^window(?:\.(\w+))?/.exec(where);
  if (w) return `What is counted > Sales lines counted${w[1] ? `: ${FIELDS[w[1]] ?? w[1]}` : ''}`;
  if (where === 'minimumNetSales') return 'What is counted > Minimum net sales';
  const f = /^filters\[(\d+)\]/.exec(where);
  if (f) return `What is counted > Filter ${Number(f[1]) + 1}`;
  const c = /^columns\.(\w+)/.exec(where);
  if (c) return `Columns > ${c[1]}`;
  return where;
}

/** The id of the input that edits `path` (a configuration path), for the fields that have one. */
export const fieldId = (path: string): string => `field-${path.replace(/[^\w]+/g, '-')}`;

/** The step a problem is fixed in. */
export const stepOf = (where: string): 'data' | 'segments' => (/^segmentTypes\[/.test(where) ? 'segments' : 'data');

/** The segment type a problem is in, if any. */
export const typeIndexOf = (where: string): number | undefined => {
  const m = /^segmentTypes\[(\d+)\]/.exec(where);
  return m ? Number(m[1]) : undefined;
};
