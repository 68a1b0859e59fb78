// Rendering helpers for component tests: Fluent's provider and the formats of a fixed locale.
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, type RenderResult } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import { defaultConfig, type SegmentType } from '../../src/engine/config';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { SegmentEditor } from '../../src/taskpane/components/SegmentEditor';
import { checkDraft } from '../../src/taskpane/state/validation';
import { FormatContext, makeFormats } from '../../src/taskpane/format';
import type { Step, StepMemory } from '../../src/taskpane/state/lastStep';

// jsdom has no layout, hence no ResizeObserver; Fluent's MessageBar asks for one. Nothing resizes here.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

/** Four customers on a Sales sheet, one with a loss: Sales 500, 300, 150, 50 (1,000); Profit 100, -20, 30, 5. */
export function fourCustomers(): MemoryWorkbook {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Sales', 'Profit'],
    ['C1', 500, 100],
    ['C2', 300, -20],
    ['C3', 150, 30],
    ['C4', 50, 5],
  ]);
  return wb;
}

export function renderPane(ui: ReactElement, locale = 'en-US'): RenderResult {
  return render(
    <FluentProvider theme={webLightTheme}>
      <FormatContext.Provider value={makeFormats(locale)}>{ui}</FormatContext.Provider>
    </FluentProvider>,
  );
}

/** An editor wired like the pane wires it: edits go into state and are validated by the engine's schema. */
export function EditorHarness({ start, onValue }: { start: SegmentType; onValue?: (t: SegmentType) => void }) {
  const [type, setType] = useState<SegmentType>(start);
  const issues = checkDraft({ ...defaultConfig(), segmentTypes: [type] }).issues;
  return (
    <SegmentEditor
      type={type}
      index={0}
      issues={issues}
      onRename={(name) => setType({ ...type, name })}
      onChange={(t) => {
        setType(t);
        onValue?.(t);
      }}
    />
  );
}

/** A pane last left on `step` in this workbook (lastStep.ts): most tests start from the preview, on Segment types. */
export const lastOn = (step: Step): StepMemory => ({ read: () => step, write: () => undefined });
