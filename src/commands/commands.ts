/*
 * Function file of the ribbon buttons whose action is ExecuteFunction (manifest.xml: FunctionFile ->
 * commands.html, FunctionName "runAgain").
 *
 * Run again runs the configuration saved in the workbook on its saved ranges (run-again.ts), in this
 * page's runtime: the office host reads and writes in blocks, and the engine runs in the same Web Worker
 * as the pane's, so this page stays responsive. Office ends a function command that has not called
 * event.completed() within 5 minutes; a run's data is one transaction (docs/excel-host.md), so such an
 * end leaves the workbook as a failed run does.
 *
 * The outcome is shown in a dialog (Office.context.ui.displayDialogAsync, DialogApi 1.1: Excel on the
 * web, Windows and Mac). A workbook without usable settings opens the pane where Office can
 * (Office.addin.showAsTaskpane needs a shared runtime, which this manifest does not declare, so it is
 * feature-detected), and otherwise the dialog says to open it. Why a dialog: docs/excel-host.md.
 */
import { errorMessage } from '../engine/types';
import { OfficeHost } from '../hosts/office/host';
import { InProcessClient, type EngineClient } from '../taskpane/worker/client';
import { spawnEngine } from '../taskpane/worker/spawn';
import { outcomeQuery } from './outcome-url';
import { outcomeMessage, runAgain, type OutcomeMessage } from './run-again';

/** The engine in a Web Worker; on the calling thread only where this runtime has no workers. */
function startEngine(): EngineClient {
  try {
    if (typeof Worker === 'function') return spawnEngine();
  } catch {
    // A runtime that refuses workers: the same session in-process (slower for a large sheet, same result).
  }
  return new InProcessClient();
}

/** Opens the task pane where Office can (shared runtime only); false where it cannot. */
async function showPane(): Promise<boolean> {
  try {
    if (!Office.context.requirements.isSetSupported('SharedRuntime', '1.1')) return false;
    if (typeof Office.addin?.showAsTaskpane !== 'function') return false;
    await Office.addin.showAsTaskpane();
    return true;
  } catch {
    return false;
  }
}

/** Shows the outcome and resolves when the user closes it (or at once when no dialog can be opened). */
function showDialog(message: OutcomeMessage): Promise<void> {
  const url = new URL(`run-again.html${outcomeQuery(message)}`, window.location.href).toString();
  return new Promise((resolve) => {
    try {
      // In an iframe on the web, so no pop-up blocker stands between the click and the dialog.
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 30, displayInIframe: true }, (result) => {
        if (result.status !== Office.AsyncResultStatus.Succeeded) return resolve();
        const dialog = result.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
          dialog.close();
          resolve();
        });
        // Closed with its own X (12006), or navigated away: nothing more to show.
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}

async function runAgainCommand(event: Office.AddinCommands.Event): Promise<void> {
  const engine = startEngine();
  try {
    const outcome = await runAgain(new OfficeHost(), engine, { now: new Date().toISOString() });
    const message = outcomeMessage(outcome);
    if (!(message.openPane && (await showPane()))) await showDialog(message);
  } catch (e) {
    // runAgain returns every expected failure as a value; this is a bug or a dead runtime.
    await showDialog({ title: 'Run again did not finish', lines: [errorMessage(e), 'Open Tierwise from Home > Tierwise and Apply from there.'], openPane: false, problem: true });
  } finally {
    engine.dispose();
    // Always: Office queues further clicks until this one completes.
    event.completed();
  }
}

function runAgainHandler(event: Office.AddinCommands.Event): void {
  void runAgainCommand(event);
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Office runs no command of a page that has not called onReady (or set initialize); nothing else to set up.
  });
  if (Office.actions && typeof Office.actions.associate === 'function') {
    Office.actions.associate('runAgain', runAgainHandler);
  }
}

// Older Office clients (without Office.actions) look the FunctionName up on the global object.
(globalThis as unknown as Record<string, unknown>).runAgain = runAgainHandler;

export {};
