// The Run again dialog: shows the outcome carried in its URL (outcome-url.ts) as text, never as HTML
// (it quotes cell values and sheet names), and closes through its parent, the commands page.
import { outcomeFromQuery } from './outcome-url';

function show(): void {
  const message = outcomeFromQuery(window.location.search) ?? {
    title: 'Tierwise',
    lines: ['Run again finished; open Tierwise from Home > Tierwise to see the result.'],
    openPane: false,
    problem: false,
  };
  const title = document.getElementById('title');
  const list = document.getElementById('lines');
  if (!title || !list) return;
  title.textContent = message.title;
  title.classList.toggle('problem', message.problem);
  document.title = `Tierwise: ${message.title}`;
  for (const line of message.lines) {
    const li = document.createElement('li');
    li.textContent = line;
    list.appendChild(li);
  }
}

show();

if (typeof Office !== 'undefined') {
  void Office.onReady(() => {
    const button = document.getElementById('close');
    // Without messageParent the dialog's own X closes it; a button that could not work stays hidden.
    if (!button || typeof Office.context?.ui?.messageParent !== 'function') return;
    button.hidden = false;
    button.addEventListener('click', () => Office.context.ui.messageParent('close'));
    button.focus();
  });
}

export {};
