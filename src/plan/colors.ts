// Segment colours by meaning, one function for the pane and the written sheets: a segment's own
// `color` when the configuration gives one; otherwise ABC by rank (A the strongest green, fading
// down the ranks) and bands by sign (a band wholly below 0 red, the top band green, the ones between
// yellow turning orange further down, so the default Low and Mid differ). Assigned by position, the
// default Loss band was green and Mid red.
import type { SegmentType } from '../engine/config';

/** Light fills: black text on each reads at more than 10:1. */
export const SEGMENT_FILLS = {
  good: '#C6EFCE',
  middle: '#FFEB9C',
  bad: '#FFC7CE',
  aside: '#EDEDED',
} as const;

/**
 * The charts' own colours where no segment gives one, the same in every drawing of them (the .xlsx
 * charts, the playground's): Office's first two accent colours for columns and the cumulative line,
 * and a grey outline that keeps a pale segment's column visible on white.
 */
export const CHART_COLORS = {
  column: '#4472C4',
  line: '#ED7D31',
  outline: '#7F7F7F',
} as const;

/** ABC ranks from the strongest to the weakest: greens, then fading to grey-green. */
const RANKS = ['#A9D08E', '#C6E0B4', '#E2EFDA', '#F0F6EC'];

/**
 * Bands between the top and 0, from the one just below the top downwards: Excel's neutral yellow, then
 * orange and paler tints. Black text reads at more than 10:1 on each; further down the last repeats.
 */
const MIDDLE_BANDS = [SEGMENT_FILLS.middle, '#F8CBAD', '#FCE4D6', '#FFF2CC'];

/** Bands wholly below 0, from the one nearest 0 downwards: Excel's bad pink, then a deeper rose. */
const LOSS_BANDS = [SEGMENT_FILLS.bad, '#F4A6A6'];

/** The `n`th shade of a group counted from its best band (0 the nearest the top). */
function shade(ramp: readonly string[], n: number): string {
  return ramp[Math.min(n, ramp.length - 1)];
}

/** Kinds whose segments have no order of worth: told apart by position. */
const PALETTE = ['#C6EFCE', '#FFEB9C', '#FFC7CE', '#DDEBF7', '#E4DFEC', '#FCE4D6', '#EDEDED', '#D9E1F2'];

/**
 * One colour per segment of a classified type (`#RRGGBB`), in the order of `segments` (the result's:
 * for ABC and bands, the configured segments and bands; other kinds may add one, as RFM's Others).
 */
export function segmentColors(type: SegmentType, segments: readonly { color?: string }[]): string[] {
  switch (type.kind) {
    case 'abc': {
      let rank = 0;
      return type.segments.map((s) => s.color ?? (s.exclude || (s.default && s.share === undefined) ? SEGMENT_FILLS.aside : RANKS[Math.min(rank++, RANKS.length - 1)]));
    }
    case 'bands': {
      // Bands are sorted from the lowest up, so a band's shade counts the bands of its group above it.
      const top = type.bands.length - 1;
      const loss = type.bands.filter((b) => b.max !== undefined && b.max <= 0).length;
      return type.bands.map((b, i) => b.color ?? (i < loss ? shade(LOSS_BANDS, loss - 1 - i) : i === top ? SEGMENT_FILLS.good : shade(MIDDLE_BANDS, top - 1 - i)));
    }
    default:
      return segments.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]);
  }
}
