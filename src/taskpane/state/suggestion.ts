// Taking the thresholds suggested from the data: the three ranked segments get the suggested shares,
// in one edit (one undo step); excluded and default-only segments keep theirs.
import { takesPartInRanking, type AbcType } from '../../engine/abc-schema';

export function withSuggestedShares<T extends Pick<AbcType, 'segments'>>(type: T, shares: readonly number[]): T {
  const ranked = type.segments.flatMap((s, i) => (takesPartInRanking(s) ? [i] : []));
  if (ranked.length !== shares.length) return type;
  return { ...type, segments: type.segments.map((s, i) => (ranked.includes(i) ? { ...s, share: shares[ranked.indexOf(i)] } : s)) };
}

/** The ABC type an XYZ type crosses with, by name as the engine finds it (case does not matter). */
export function crossIndex(types: readonly { kind: string; name: string }[], abcType: string | undefined): number {
  if (abcType === undefined) return -1;
  const wanted = abcType.trim().toLowerCase();
  return types.findIndex((t) => t.kind === 'abc' && t.name.trim().toLowerCase() === wanted);
}
