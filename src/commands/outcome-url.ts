// The outcome of Run again travels to its dialog page in the URL (DialogApi 1.1 has no other way in
// before the page has loaded): one query parameter of JSON, cut to a length every browser keeps.
import type { OutcomeMessage } from './run-again';

const PARAM = 'outcome';
/** Characters per line: a dialog shows a few short lines; the pane and the Segment Summary have the rest. */
const LINE_MAX = 300;

export function outcomeQuery(message: OutcomeMessage): string {
  const cut = (s: string) => (s.length <= LINE_MAX ? s : `${s.slice(0, LINE_MAX - 1)}…`);
  const json = JSON.stringify({ ...message, title: cut(message.title), lines: message.lines.map(cut) });
  return `?${PARAM}=${encodeURIComponent(json)}`;
}

/** The message in a dialog page's query, or undefined when it is missing or not one (the page then says so). */
export function outcomeFromQuery(search: string): OutcomeMessage | undefined {
  const raw = new URLSearchParams(search).get(PARAM);
  if (!raw) return undefined;
  try {
    const v: unknown = JSON.parse(raw);
    if (!v || typeof v !== 'object') return undefined;
    const m = v as Record<string, unknown>;
    if (typeof m.title !== 'string' || !Array.isArray(m.lines) || !m.lines.every((l) => typeof l === 'string')) return undefined;
    return { title: m.title, lines: m.lines as string[], openPane: m.openPane === true, problem: m.problem === true };
  } catch {
    return undefined;
  }
}
