// The command line as users run it, in a child process, for the benches that time it from outside:
// `bin/tierwise.cjs` runs the compiled dist/ on plain node, so the child does too (not the TypeScript
// loader the benches themselves run on, whose compiling of every module at start-up no user pays).
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '..');

export interface ChildRun {
  /** Wall time from outside, start-up included. */
  ms: number;
  /** Peak memory (RSS), from inside. */
  peakMB: number;
  code: number;
  /** What the command wrote to stderr. */
  err: string;
}

/** dist/ from the sources as they are, so the figures are this tree's (tsconfig.build.json, as `npm ci` builds it). */
export function buildCli(): void {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: 'inherit' });
}

/**
 * The child's own peak memory in KB, as a JavaScript expression for its script: Linux's VmHWM of the
 * process's memory map. Not `process.resourceUsage().maxRSS`: Linux keeps that across fork and exec, so
 * a child of a bench that had grown to 600 MB reported 600 MB whatever it used itself.
 */
export const PEAK_KB = `(() => { try { return Number(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch { return process.resourceUsage().maxRSS; } })()`;

/** A script run by `node -e` with `args`, which prints `{ code, err, maxRssKb }` (maxRssKb from PEAK_KB) as JSON on stdout. */
export function child(script: string, args: string[]): ChildRun {
  const t0 = performance.now();
  const text = execFileSync(process.execPath, ['-e', script, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - t0;
  const r = JSON.parse(text) as { code: number; err: string; maxRssKb: number };
  return { ms, peakMB: r.maxRssKb / 1024, code: r.code, err: r.err };
}

/** The command as bin/tierwise.cjs runs it, on dist/, its stderr kept for the caller. */
const CLI_SCRIPT = `
  const { main } = require(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))});
  let err = '';
  main(process.argv.slice(1), { out: () => {}, err: (s) => { err += s; } }).then((code) => {
    process.stdout.write(JSON.stringify({ code, err, maxRssKb: ${PEAK_KB} }));
  });`;

/** `tierwise ...args` in a child process on dist/ (build it first with buildCli). */
export const runCli = (args: string[]): ChildRun => child(CLI_SCRIPT, args);
