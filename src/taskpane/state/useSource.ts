// Opening the pane: the sources, the stored configuration, the last run; then the chosen source
// read from the host and handed to the engine worker, and prepared again when a data-level
// setting changes (columns, window, filters, overrides).
import { useCallback, useEffect, useRef, useState } from 'react';
import { canonicalJson } from '../../engine/history';
import type { Config } from '../../engine/config';
import { typeReads } from '../../engine/ingest';
import type { Issue, SourceTable } from '../../engine/types';
import { errorMessage } from '../../engine/types';
import type { PreviousRun, SourceInfo, SourceRef, WorkbookHost } from '../../hosts/host';
import { mergeOverrides } from '../../plan/previous';
import { SourceProblem } from '../../plan/source-check';
import { loadStoredConfig, type LoadedConfig } from '../../plan/stored-config';
import { firstSalesCandidate, RANGE_ROLE_LABEL, savedRanges } from '../../hosts/ranges';
import { sendPrevious, sendSource, type EngineClient } from '../worker/client';
import type { ExtraRole, Prepared } from '../worker/protocol';

export type Busy = { what: string } | undefined;

/** What the preview's data depends on: everything but the thresholds and segment names. */
export function prepareKey(config: Config, previous: PreviousRun | undefined, overridesCleared: boolean): string {
  return canonicalJson({
    columns: config.columns,
    window: config.window,
    filters: config.filters,
    locale: config.locale,
    minimumNetSales: config.minimumNetSales,
    overrides: config.overrides,
    needs: config.segmentTypes.map((t) => [t.kind, t.measure]),
    // The line columns the engine codes only when a type reads them (orders for RFM frequency, products
    // and categories for loyalty rules): a first rule or an `orders` line must prepare again.
    reads: [...new Set(config.segmentTypes.flatMap(typeReads))].sort(),
    previous: previous?.snapshots.length ?? 0,
    previousTime: previous?.snapshots[previous.snapshots.length - 1]?.time,
    cleared: overridesCleared,
  });
}

/** The configuration a run uses: the draft plus the overrides typed into the tiers table, unless cleared. */
export function runConfig(config: Config, previous: PreviousRun | undefined, overridesCleared: boolean): Config {
  return overridesCleared ? config : mergeOverrides(config, previous).config;
}

/** The second ranges chosen in the Data step; Apply saves them with the configuration (`ranges`), and the pane reads them again on opening. */
export type ExtraChoice = Partial<Record<ExtraRole, SourceRef>>;

export interface SourceState {
  sources: SourceInfo[];
  source: SourceRef | undefined;
  stored: LoadedConfig | undefined;
  previous: PreviousRun | undefined;
  /** Problems reading the source (no header row, nothing selected), with addresses. */
  sourceIssues: Issue[];
  /** Ranges saved with the configuration that the workbook no longer has (until a range is chosen). */
  missingRanges: string[];
  prepared: Prepared | undefined;
  /** Bumped on every prepare, so a preview can tell it is current. */
  generation: number;
  busy: Busy;
  error: string | undefined;
  /** The source as last read (main thread), for Apply. */
  table: SourceTable | undefined;
  chooseSource(ref: SourceRef): void;
  /** The answers and visits ranges chosen; each is read and handed to the engine when chosen. */
  extras: ExtraChoice;
  /** Chooses a second range (or none, `undefined`); the preview prepares again with it. */
  chooseExtra(role: ExtraRole, ref: SourceRef | undefined): void;
  reload(): Promise<void>;
  refreshPrevious(): Promise<PreviousRun | undefined>;
  /** Prepare again with what the engine holds (the benchmark replaces the source in the worker). */
  resync(): void;
}

export function useSource(host: WorkbookHost, engine: EngineClient, config: Config | undefined, overridesCleared: boolean, onStored: (s: LoadedConfig) => void): SourceState {
  const [sources, setSources] = useState<SourceInfo[]>([]);
  const [source, setSource] = useState<SourceRef>();
  const [stored, setStored] = useState<LoadedConfig>();
  const [previous, setPrevious] = useState<PreviousRun>();
  const [sourceIssues, setSourceIssues] = useState<Issue[]>([]);
  const [missingRanges, setMissingRanges] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<Prepared>();
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState(0);
  const [extras, setExtras] = useState<ExtraChoice>({});
  /** The second ranges the engine holds, sorted; `extrasLoaded` counts reads, so another table of the same role prepares again too. */
  const [extrasSent, setExtrasSent] = useState<ExtraRole[]>([]);
  const [extrasLoaded, setExtrasLoaded] = useState(0);
  const [busy, setBusy] = useState<Busy>({ what: 'Opening the workbook' });
  const [error, setError] = useState<string>();
  const table = useRef<SourceTable>();
  /** Saved answers and visits ranges to read once the sales data is in (then cleared). */
  const restoreExtras = useRef<ExtraChoice>();
  const onStoredRef = useRef(onStored);
  onStoredRef.current = onStored;

  useEffect(() => {
    let live = true;
    (async () => {
      try {
        const [list, storedConfig, prev] = await Promise.all([host.listSources(), host.loadConfig(), host.readPrevious()]);
        if (!live) return;
        const loadedConfig = loadStoredConfig(storedConfig);
        setSources(list);
        setStored(loadedConfig);
        setPrevious(prev);
        onStoredRef.current(loadedConfig);
        // The ranges the last run saved with its configuration, when the workbook still has them.
        const { found, missing } = savedRanges(list, loadedConfig.state === 'ok' ? loadedConfig.config.ranges : undefined);
        setSource(found.sales ?? firstSalesCandidate(list, found));
        restoreExtras.current = { answers: found.answers, visits: found.visits };
        setMissingRanges(missing.map((m) => m.message));
        if (list.length === 0) setBusy(undefined);
      } catch (e) {
        if (live) {
          setError(errorMessage(e));
          setBusy(undefined);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, [host]);

  const read = useCallback(async (ref: SourceRef) => {
    setBusy({ what: 'Reading the sales data' });
    setSourceIssues([]);
    setError(undefined);
    try {
      const t = await host.readSource(ref);
      table.current = t;
      setBusy({ what: 'Handing the data to the engine' });
      await sendSource(engine, t);
      setLoaded((n) => n + 1);
    } catch (e) {
      table.current = undefined;
      setPrepared(undefined);
      if (e instanceof SourceProblem) setSourceIssues(e.issues);
      else setError(errorMessage(e));
      setBusy(undefined);
    }
  }, [host, engine]);

  useEffect(() => {
    if (source) void read(source);
  }, [source, read]);

  const readExtra = useCallback(async (role: ExtraRole, ref: SourceRef | undefined) => {
    const sent = (on: boolean) => setExtrasSent((s) => [...s.filter((r) => r !== role), ...(on ? [role] : [])].sort());
    setExtras((e) => ({ ...e, [role]: ref }));
    if (!ref) return sent(false);
    setBusy({ what: `Reading the ${RANGE_ROLE_LABEL[role]}` });
    setError(undefined);
    try {
      await sendSource(engine, await host.readSource(ref), undefined, role);
      sent(true);
      setExtrasLoaded((n) => n + 1);
      // The prepare that follows says it is busy itself; without sales data there is none to wait for.
      setBusy(undefined);
    } catch (e) {
      // Back to none, so the pane never claims a range the preview does not use.
      setExtras((x) => ({ ...x, [role]: undefined }));
      sent(false);
      if (e instanceof SourceProblem) setSourceIssues(e.issues);
      else setError(`The ${RANGE_ROLE_LABEL[role]} could not be read: ${errorMessage(e)}`);
      setBusy(undefined);
    }
  }, [host, engine]);

  // The answers and visits ranges saved with the configuration, read once the sales data is in.
  useEffect(() => {
    const saved = restoreExtras.current;
    if (loaded === 0 || !saved) return;
    restoreExtras.current = undefined;
    void (async () => {
      for (const role of ['answers', 'visits'] as const) {
        const ref = saved[role];
        if (ref) await readExtra(role, ref);
      }
    })();
  }, [loaded, readExtra]);

  const key = config ? prepareKey(config, previous, overridesCleared) : undefined;
  useEffect(() => {
    if (!config || loaded === 0) return;
    let live = true;
    setBusy({ what: 'Preparing the customers' });
    sendPrevious(engine, previous)
      .then((withPrevious) => engine.ask({ type: 'prepare', config: runConfig(config, previous, overridesCleared), withPrevious, extras: extrasSent }))
      .then((r) => {
        if (!live) return;
        setPrepared(r.prepared);
        setGeneration((g) => g + 1);
      })
      .catch((e) => live && setError(errorMessage(e)))
      .finally(() => live && setBusy(undefined));
    return () => {
      live = false;
    };
    // The key stands for the config's data-level fields; thresholds must not re-prepare.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key stands for the configuration's data-level fields (above)
  }, [key, loaded, extrasSent.join(), extrasLoaded, engine]);

  const refreshPrevious = useCallback(async () => {
    const prev = await host.readPrevious();
    setPrevious(prev);
    return prev;
  }, [host]);

  return {
    sources,
    source,
    stored,
    previous,
    sourceIssues,
    missingRanges,
    prepared,
    generation,
    busy,
    error,
    table: table.current,
    chooseSource: (ref) => {
      setMissingRanges([]);
      setSource(ref);
    },
    extras,
    chooseExtra: (role, ref) => {
      setMissingRanges([]);
      void readExtra(role, ref);
    },
    reload: async () => {
      setSources(await host.listSources());
      if (source) await read(source);
      for (const [role, ref] of Object.entries(extras) as [ExtraRole, SourceRef | undefined][]) if (ref) await readExtra(role, ref);
    },
    refreshPrevious,
    resync: () => setLoaded((n) => n + 1),
  };
}
