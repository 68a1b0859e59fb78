// The task pane: three steps (data, segment types with preview, apply) over one draft configuration.
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Button, Link, Tab, TabList, Text, Title3, makeStaticStyles, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { defaultConfig, type SegmentKind } from '../../engine/config';
import { canonicalJson } from '../../engine/history';
import type { SourceInfo, SourceRef, WorkbookHost } from '../../hosts/host';
import { useFormats } from '../format';
import { startingConfig, type LoadedConfig } from '../../plan/stored-config';
import { freeName, historyReducer, initialHistory, undoableRemoval, type Removal, type RestoreFocus } from '../state/draft';
import { applyHold, scopeProblem } from '../state/guardrails';
import { openingStep, type Step, type StepMemory } from '../state/lastStep';
import { firstControlOf, RemovalContext } from '../state/removal';
import { fieldId, paneWhere, stepOf, typeIndexOf } from '../state/where';
import { moveThreshold } from '../state/thresholds';
import { withSuggestedShares } from '../state/suggestion';
import { useApply, type ApplyInput } from '../state/useApply';
import { useSource } from '../state/useSource';
import { checkDraft } from '../state/validation';
import { useWidth } from '../state/useWidth';
import type { EngineClient } from '../worker/client';
import { ApplyFooter, FOOTER_HEIGHT_VAR } from './ApplyFooter';
import { ApplyStep } from './ApplyStep';
import { DataStep } from './DataStep';
import { EDITORS } from './editors/registry';
import { VALUES_LISTED } from './FilterRow';
import { RunStatus } from './RunStatus';
import { SEGMENT_TYPE_NAME_ID } from './SegmentEditor';
import { SegmentTypesStep } from './SegmentTypesStep';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minWidth: 0, boxSizing: 'border-box' },
  narrow: { padding: tokens.spacingHorizontalS },
  header: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXS },
  panel: { paddingTop: tokens.spacingVerticalS },
});

/**
 * 320 px first: Fluent's Input keeps the width of its 20 characters and Dropdown a minimum of 250 px,
 * even inside flex and grid items that may shrink; in the pane they take the width they are given.
 * The docked counts bar and the Apply footer cover the bottom of the pane: scroll padding keeps a
 * focused field above both (the footer writes its height into FOOTER_HEIGHT_VAR).
 */
const usePaneStaticStyles = makeStaticStyles({
  'html': { scrollPaddingBottom: `calc(96px + var(${FOOTER_HEIGHT_VAR}, 0px))` },
  'main[aria-label="Tierwise"] .fui-Field > .fui-Input, main[aria-label="Tierwise"] .fui-Field > .fui-Dropdown, main[aria-label="Tierwise"] .fui-Field > .fui-Combobox': { width: '100%', minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  'main[aria-label="Tierwise"] .fui-Input__input': { minWidth: 0, width: '100%' },
  'main[aria-label="Tierwise"] .fui-Dropdown, main[aria-label="Tierwise"] .fui-Combobox': { minWidth: 0, maxWidth: '100%' },
  'main[aria-label="Tierwise"] .fui-Field': { minWidth: 0 },
});

/** What the playground's benchmark hook may drive (never exposed inside Excel). */
export interface PaneApi {
  /** Moves threshold `which` of the selected ABC type; resolves with the draft revision to wait for. */
  moveThreshold(which: number, to: number): number;
  apply(options?: Partial<ApplyInput>): Promise<void>;
  /** The engine's source was replaced behind the pane's back: prepare again; returns the revision to wait for. */
  resync(): number;
}

export interface PaneProps {
  host: WorkbookHost;
  engine: EngineClient;
  onApi?(api: PaneApi): void;
  /** The step last used in this workbook (none: every opening is a first one). */
  steps?: StepMemory;
}

/** `Table Orders (9,994 rows)`, as the source picker lists it. */
function sourceLabel(sources: readonly SourceInfo[], source: SourceRef): string {
  if (source.kind === 'selection') return 'the selection';
  return sources.find((s) => s.ref.kind === source.kind && 'name' in s.ref && s.ref.name === source.name)?.label ?? `${source.kind === 'table' ? 'Table' : 'Sheet'} ${source.name}`;
}

/** The three steps; memoized, as nothing in them changes while a threshold is dragged. */
const StepTabs = memo(function StepTabs({ step, onGoTo }: { step: Step; onGoTo(to: Step): void }) {
  return (
    <TabList selectedValue={step} onTabSelect={(_, d) => onGoTo(d.value as Step)} aria-label="Steps">
      <Tab value="data" id="tab-data">Data</Tab>
      <Tab value="segments" id="tab-segments">Segment types</Tab>
      <Tab value="apply" id="tab-apply">Apply</Tab>
    </TabList>
  );
});

export function Pane({ host, engine, onApi, steps }: PaneProps) {
  const styles = useStyles();
  const f = useFormats();
  usePaneStaticStyles();
  const root = useRef<HTMLElement>(null);
  const width = useWidth(root);
  const [history, dispatch] = useReducer(historyReducer, undefined, () => initialHistory(defaultConfig()));
  const draft = history.present;
  // Opens on Data the first time, on the step last used afterwards (lastStep.ts). Until the workbook's
  // settings are read, Data; a saved configuration then opens Segment types, unless the user moved.
  const remembered = useMemo(() => steps?.read(), [steps]);
  const [step, setStep] = useState<Step>(() => openingStep(remembered, false));
  const moved = useRef(remembered !== undefined);
  const goTo = useCallback(
    (to: Step) => {
      moved.current = true;
      setStep(to);
      steps?.write(to);
    },
    [steps],
  );
  // A removal (type, segment, band, ...) is undone from a message bar in the footer whose Undo takes the
  // focus: Enter pressed twice removes nothing more. After the undo the restored row's first control
  // takes it. The Undo and Ctrl+Z are the same undo (draft.ts). A new type's name box takes the focus.
  const removal = undoableRemoval(history);
  const [dismissed, setDismissed] = useState<Removal>();
  const offered = removal !== dismissed ? removal : undefined;
  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (removal) undoButton.current?.focus();
  }, [removal]);
  const announce = useCallback((what: string, focus: RestoreFocus | undefined) => dispatch({ type: 'removed', what, focus }), []);
  const [restoring, setRestoring] = useState<Removal>();
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    if (!restoring) return;
    const control = restoring.focus && root.current ? firstControlOf(root.current, restoring.focus) : undefined;
    (control ?? panel.current)?.focus();
    setRestoring(undefined);
  }, [restoring]);
  const undo = () => {
    if (removal) {
      goTo('segments');
      setRestoring(removal);
    }
    dispatch({ type: 'undo' });
  };
  // A problem's link opens the step and the type that hold its field, then focuses the field (once rendered).
  const [fixing, setFixing] = useState<string>();
  useEffect(() => {
    if (fixing === undefined) return;
    const field = document.getElementById(fieldId(fixing)) ?? (stepOf(fixing) === 'segments' ? document.getElementById(SEGMENT_TYPE_NAME_ID) : null);
    field?.focus();
    field?.scrollIntoView?.({ block: 'center' });
    setFixing(undefined);
  }, [fixing]);
  const onFix = (where: string) => {
    const index = typeIndexOf(where);
    if (index !== undefined) dispatch({ type: 'select', index });
    goTo(stepOf(where));
    setFixing(where);
  };
  const [nameFocus, setNameFocus] = useState(0);
  useEffect(() => {
    if (nameFocus > 0) document.getElementById(SEGMENT_TYPE_NAME_ID)?.focus();
  }, [nameFocus]);
  /** Ctrl+Z / Ctrl+Y (Cmd on a Mac) undo and redo the pane's edits; a text box keeps its own undo of what is typed. */
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const t = e.target as HTMLElement;
    if (t.tagName === 'TEXTAREA' || (t.tagName === 'INPUT' && !['checkbox', 'radio', 'range', 'button'].includes((t as HTMLInputElement).type))) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey) undo();
    else if (key === 'y' || (key === 'z' && e.shiftKey)) dispatch({ type: 'redo' });
    else return;
    e.preventDefault();
  };
  // Stable, so the list of types is not rendered again on every step of a drag (SegmentTypeList).
  const typeNames = useRef<string[]>([]);
  typeNames.current = draft.config.segmentTypes.map((t) => t.name);
  const onSelectType = useCallback((index: number) => dispatch({ type: 'select', index }), []);
  const onMoveType = useCallback((index: number, by: -1 | 1) => dispatch({ type: 'moveType', index, by }), []);
  const onRemoveType = useCallback((index: number) => dispatch({ type: 'removeType', index }), []);
  const onAddType = useCallback((kind: SegmentKind) => {
    dispatch({ type: 'addType', segmentType: EDITORS[kind].create(freeName(EDITORS[kind].label.split(' ')[0], typeNames.current)) });
    setNameFocus((n) => n + 1);
  }, []);
  const [segmentColumns, setSegmentColumns] = useState(false);
  const [storedProblem, setStoredProblem] = useState<Extract<LoadedConfig, { state: 'invalid' }>>();
  // The settings of the last run (as loaded from the workbook, then as applied): the header says when
  // the draft differs from them, so nobody takes the preview for what the sheets hold.
  const [baseline, setBaseline] = useState<string>();
  const onStored = useCallback((s: LoadedConfig) => {
    // The workbook holds Tierwise settings: not a first visit (unless the user moved already).
    if (s.state !== 'none' && !moved.current) setStep(openingStep(undefined, true));
    if (s.state === 'invalid') setStoredProblem(s);
    else {
      dispatch({ type: 'load', config: s.config });
      setBaseline(canonicalJson(s.config));
    }
  }, []);

  const checked = useMemo(() => checkDraft(draft.config), [draft.config]);
  const src = useSource(host, engine, checked.usable, draft.overridesCleared, onStored);
  const ready = src.prepared?.usable === true;
  const blocked = src.prepared ? scopeProblem(src.prepared, draft.config.filters.length > 0) : undefined;
  const draftKey = useMemo(() => canonicalJson(draft.config), [draft.config]);
  // A workbook without settings starts with the types its sales columns can run (startingConfig), as
  // long as nothing was edited and nothing applied: an untouched start follows the range chosen, an
  // edited one is the user's.
  const untouched = history.past.length === 0 && history.future.length === 0 && baseline !== undefined && baseline === draftKey;
  const sourceRead = src.table;
  const neverRun = src.stored?.state === 'none' && (src.previous?.snapshots.length ?? 0) === 0;
  useEffect(() => {
    if (!neverRun || !sourceRead || !untouched) return;
    const start = startingConfig(sourceRead.header);
    const key = canonicalJson(start);
    if (key === baseline) return;
    dispatch({ type: 'load', config: start });
    setBaseline(key);
  }, [neverRun, sourceRead, untouched, baseline]);
  const applying = useRef<string>();
  const { refreshPrevious } = src;
  const onApplied = useCallback(() => {
    dispatch({ type: 'applied' });
    setBaseline(applying.current);
    void refreshPrevious();
  }, [refreshPrevious]);
  const applier = useApply(host, engine, onApplied);
  const selectCell = host.selectCell ? (a: string) => void host.selectCell!(a) : undefined;
  // A new function for each read of the source, so the filters list the values of what was read.
  const valuesOf = useCallback(
    (column: string) => (sourceRead ? engine.ask({ type: 'columnValues', column, limit: VALUES_LISTED }).then((r) => r.values) : Promise.resolve(undefined)),
    [engine, sourceRead],
  );

  const overrideCount = useMemo(() => {
    const ids = new Set<string>();
    const add = (o: Record<string, Record<string, string>>) => Object.entries(o).forEach(([t, per]) => Object.keys(per).forEach((id) => ids.add(`${t}\u0000${id}`)));
    add(draft.config.overrides);
    if (!draft.overridesCleared && src.previous) add(src.previous.overrides);
    return ids.size;
  }, [draft.config.overrides, draft.overridesCleared, src.previous]);

  const onThreshold = (which: number, to: number) => {
    const t = draft.config.segmentTypes[draft.selected];
    if (t?.kind === 'abc') dispatch({ type: 'updateType', index: draft.selected, segmentType: moveThreshold(t, which, to) });
  };
  const apply = (options: Partial<ApplyInput> = {}) => {
    applying.current = draftKey;
    return checked.config && src.source
      ? applier.apply({ config: checked.config, source: src.source, extras: src.extras, overridesCleared: draft.overridesCleared, segmentColumns, ...options })
      : Promise.resolve();
  };

  const latest = useRef({ draft, onThreshold, apply, src });
  latest.current = { draft, onThreshold, apply, src };
  useEffect(() => {
    onApi?.({
      moveThreshold: (which, to) => {
        latest.current.onThreshold(which, to);
        return latest.current.draft.revision + 1;
      },
      apply: (o) => latest.current.apply(o),
      resync: () => {
        latest.current.src.resync();
        return latest.current.draft.revision;
      },
    });
  }, [onApi]);

  const hold = applyHold({ running: applier.state.phase === 'running', ready, problems: checked.issues, blocked });
  const wide = width >= 640;
  return (
    <RemovalContext.Provider value={announce}>
    {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- undo/redo keys bubbling from the controls inside; the landmark itself is no control */}
    <main ref={root} className={mergeClasses(styles.root, !wide && styles.narrow)} aria-label="Tierwise" onKeyDown={onKeyDown}>
      <header className={styles.header}>
        <Title3 as="h1">Tierwise</Title3>
        {src.source && (
          <Text size={200} data-testid="source-line">
            Data: {sourceLabel(src.sources, src.source)}
            {src.prepared ? ` · ${f.integer(src.prepared.lineCount)} lines used` : ''}
            {step !== 'data' && (
              <>
                {' · '}
                <Link as="button" onClick={() => goTo('data')}>
                  Change
                </Link>
              </>
            )}
          </Text>
        )}
        <RunStatus previous={src.previous} fingerprint={src.prepared?.dataFingerprint} settingsChanged={baseline !== undefined && baseline !== draftKey} />
      </header>
      {src.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{src.error}</MessageBarBody>
        </MessageBar>
      )}
      {src.missingRanges.length > 0 && (
        // Above the steps, not in the Data step: the pane may open on another step.
        <MessageBar intent="warning" layout="multiline" data-testid="missing-ranges">
          <MessageBarBody>
            Not in this workbook any more: {src.missingRanges.join('; ')}. Choose the range in the Data step; Apply saves the new choice.
          </MessageBarBody>
        </MessageBar>
      )}
      {storedProblem && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The settings saved in this workbook cannot be used</MessageBarTitle>
            {storedProblem.issues.slice(0, 5).map((i) => `${i.where}: ${i.message}`).join('; ')}. The pane starts from the default settings; the saved text stays in the workbook until you apply.
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setStoredProblem(undefined)}>Use the defaults</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <StepTabs step={step} onGoTo={goTo} />
      <section ref={panel} tabIndex={-1} role="tabpanel" aria-labelledby={`tab-${step}`} className={styles.panel}>
        {step === 'data' && (
          <DataStep
            src={src}
            config={draft.config}
            draftIssues={checked.issues}
            blocked={blocked}
            onColumn={(role, header) => dispatch({ type: 'setColumn', role, header })}
            onScope={(scope) => dispatch({ type: 'setScope', scope })}
            valuesOf={valuesOf}
            onSelectCell={selectCell}
          />
        )}
        {step === 'segments' && (
          <SegmentTypesStep
            types={draft.config.segmentTypes}
            selected={draft.selected}
            issues={checked.issues}
            validTypes={checked.types}
            engine={engine}
            generation={src.generation}
            ready={ready}
            revision={draft.revision}
            waiting={src.busy !== undefined || ready}
            blocked={blocked}
            wide={wide}
            onSelect={onSelectType}
            onMove={onMoveType}
            onRemove={onRemoveType}
            onAdd={onAddType}
            onRename={(index, name) => dispatch({ type: 'renameType', index, name })}
            onChange={(index, segmentType) => dispatch({ type: 'updateType', index, segmentType })}
            onThreshold={onThreshold}
            onUseSuggestion={(shares) => {
              const t = draft.config.segmentTypes[draft.selected];
              if (t?.kind === 'abc') dispatch({ type: 'updateType', index: draft.selected, segmentType: withSuggestedShares(t, shares) });
            }}
          />
        )}
        {step === 'apply' && (
          <ApplyStep
            state={applier.state}
            problems={checked.issues}
            ready={ready}
            blocked={blocked}
            segmentColumns={segmentColumns}
            onSegmentColumns={setSegmentColumns}
            overrideCount={overrideCount}
            overridesCleared={draft.overridesCleared}
            onClearOverrides={() => dispatch({ type: 'clearOverrides' })}
            onApply={() => void apply()}
            onCancel={applier.cancel}
            onGoTo={selectCell}
            describe={(where) => paneWhere(where, draft.config)}
            onFix={onFix}
          />
        )}
      </section>
      {step !== 'apply' && (
        <ApplyFooter
          hold={hold}
          busy={src.busy?.what}
          typeCount={draft.config.segmentTypes.length}
          describe={(where) => paneWhere(where, draft.config)}
          onFix={onFix}
          onApply={() => {
            // The Apply step shows the progress and the result and takes the focus (ApplyStep).
            goTo('apply');
            void apply();
          }}
          removal={step === 'segments' ? offered : undefined}
          undoRef={undoButton}
          onUndo={undo}
          onDismiss={() => {
            setDismissed(removal);
            // The bar and its focused button go: the focus stays in the step, where the page is.
            panel.current?.focus({ preventScroll: true });
          }}
        />
      )}
    </main>
    </RemovalContext.Provider>
  );
}
