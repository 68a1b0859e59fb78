/*
 * Function file of the ribbon buttons whose action is ExecuteFunction (manifest.xml: FunctionFile ->
 * commands.html, FunctionName "runAgain").
 *
 * "Run again" is wired to the segmentation engine in the task-pane issue. Until then the handler only
 * completes the event, so that Office does not keep showing the command as running.
 */

function runAgain(event: Office.AddinCommands.Event): void {
  event.completed();
}

if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Nothing to initialise: the command runs only when the button is pressed.
  });
  if (Office.actions && typeof Office.actions.associate === 'function') {
    Office.actions.associate('runAgain', runAgain);
  }
}

// Older Office clients (without Office.actions) look the FunctionName up on the global object.
(globalThis as unknown as Record<string, unknown>).runAgain = runAgain;

export {};
