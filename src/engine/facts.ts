// What a run knew of each customer per segment type, beyond its segment: the figures the next run
// needs to say why a customer moved (why.ts). Only the newest run keeps them in the history sheet.
import type { Config, SegmentType } from './config';
import type { EngineResult, TypeResult } from './result';

export interface TypeFacts {
  /** The segment type as configured for the run: its thresholds. */
  definition?: SegmentType;
  /** The measure in words (`sales`, `margin %`, `earned`); the history sheet does not keep it. */
  measureName?: string;
  /** Customer -> the measure the type was computed on (sales, profit, margin %, points...); absent: none. */
  measure: Map<string, number>;
  /** Customers that appear without a line in the window (section 3.7). */
  noSales: Set<string>;
  /**
   * Customer -> the figure the thresholds are applied to, where it is not the measure: ABC the cumulative
   * share that decides the segment (ahead of its group for the `upper` boundary, including it for
   * `lower`), XYZ the coefficient of variation, RFM the scores as `R F M` text.
   */
  figure: Map<string, number | string>;
  /** ABC: customer -> manual override (only customers with one). */
  manual?: Map<string, string>;
}

/**
 * A segment type with the run-wide minimum net sales it was computed with (its own wins), so that
 * raising the configuration's minimum reads as a threshold change of each type it applies to.
 */
export function effectiveDefinition(type: SegmentType, config: Pick<Config, 'minimumNetSales'>): SegmentType {
  if ((type.kind !== 'abc' && type.kind !== 'bands') || type.minimumNetSales !== undefined || config.minimumNetSales === undefined) return type;
  return { ...type, minimumNetSales: config.minimumNetSales };
}

/** Per customer, the share that decided its ABC segment: `before` or `after` of its group (abc.ts). */
function decidingShares(t: TypeResult, boundary: 'upper' | 'lower'): Float64Array | undefined {
  if (!t.shares) return undefined;
  const { share, cumulative } = t.shares;
  if (boundary === 'lower') return cumulative;
  // Tied customers share one `after`, and split the group's share evenly: the group's size gives `before`.
  const size = new Map<number, number>();
  for (const v of cumulative) if (v === v) size.set(v, (size.get(v) ?? 0) + 1);
  // Rounded to 12 digits: the difference leaves float noise (0.6000000000000001) that would read as a change.
  return Float64Array.from(cumulative, (v, c) => (v === v ? Math.max(0, Math.round((v - share[c] * size.get(v)!) * 1e12) / 1e12) : NaN));
}

function figureOf(t: TypeResult): ArrayLike<number | string> | undefined {
  const type = t.type;
  switch (type.kind) {
    case 'abc':
      return decidingShares(t, type.boundary ?? 'upper');
    case 'xyz':
      return t.extraColumns.find((x) => x.header === `${type.name} (cv)`)?.values as ArrayLike<number> | undefined;
    case 'rfm': {
      const score = (s: string) => t.extraColumns.find((x) => x.header === `${type.name} (${s})`)?.values as ArrayLike<number> | undefined;
      const [r, f, m] = [score('R'), score('F'), score('M')];
      return r && f && m ? Array.from(r, (v, c) => (v === v ? `${v} ${f[c]} ${m[c]}` : '')) : undefined;
    }
    case 'bands':
    case 'loyalty':
    case 'activity':
    case 'profiles':
      return undefined;
  }
}

export function takeFacts(result: EngineResult): Record<string, TypeFacts> {
  const ids = result.customers.ids;
  const inWindow = result.measures.inWindow;
  const out: Record<string, TypeFacts> = {};
  for (const t of result.types) {
    const measure = new Map<string, number>();
    const figure = new Map<string, number | string>();
    const noSales = new Set<string>();
    const fig = figureOf(t);
    ids.forEach((id, c) => {
      // Without a line in the window a customer has no measure, whatever a kind keeps for it (RFM's sales of 0).
      if (!inWindow[c]) noSales.add(id);
      else if (Number.isFinite(t.measure[c])) measure.set(id, t.measure[c]);
      const f = fig?.[c];
      if (f !== undefined && f !== '' && !(typeof f === 'number' && !Number.isFinite(f))) figure.set(id, f);
    });
    const facts: TypeFacts = { definition: effectiveDefinition(t.type, result.config), measureName: t.measureName, measure, noSales, figure };
    if (t.manual) {
      const manual = new Map<string, string>();
      ids.forEach((id, c) => {
        const s = t.manual![c];
        if (s >= 0) manual.set(id, t.segments[s].name);
      });
      facts.manual = manual;
    }
    out[t.type.name] = facts;
  }
  return out;
}
