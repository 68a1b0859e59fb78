// Where the pane opens: on the Data step the first time, so a new user sees which data Tierwise reads
// before any tiers; afterwards on the step last used. Remembered in this browser's localStorage, per
// workbook (Excel: the workbook's address; the playground: one key), not in the workbook: a step is a
// habit of one person, and writing it into the file would mark the workbook changed by just looking.
export type Step = 'data' | 'segments' | 'apply';

const STEPS: readonly Step[] = ['data', 'segments', 'apply'];

/** The step last used in one workbook. */
export interface StepMemory {
  read(): Step | undefined;
  write(step: Step): void;
}

/**
 * The step the pane opens on: the one last used in this workbook; else Segment types when the workbook
 * holds Tierwise settings already (a colleague set it up, or another browser), Data when it does not.
 */
export function openingStep(remembered: Step | undefined, saved: boolean): Step {
  return remembered ?? (saved ? 'segments' : 'data');
}

export const LAST_STEP_PREFIX = 'tierwise.lastStep:';

/**
 * localStorage under `tierwise.lastStep:<workbook>`. Storage may be refused (privacy settings, a
 * webview without it): the pane then behaves as on a first visit, every time.
 */
export function storedStepMemory(workbook: string, storage: () => Storage | undefined = () => globalThis.localStorage): StepMemory {
  const key = LAST_STEP_PREFIX + workbook;
  return {
    read() {
      try {
        const v = storage()?.getItem(key);
        return STEPS.find((s) => s === v);
      } catch {
        return undefined;
      }
    },
    write(step) {
      try {
        storage()?.setItem(key, step);
      } catch {
        // Not remembered: the next opening starts as a first visit would.
      }
    },
  };
}
