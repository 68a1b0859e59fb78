/**
 * @jest-environment jsdom
 */
// The first screen says where you are: the data in use and its size at the top, with a way to change
// it; "needs attention" on the selected type is not red on the brand colour (1.34:1).
import { configure, fireEvent, screen, waitFor } from '@testing-library/react';
import { MemoryHost } from '../../src/hosts/memory/host';
import { MemoryWorkbook } from '../../src/hosts/memory/workbook';
import { Pane } from '../../src/taskpane/components/Pane';
import { SegmentTypeList } from '../../src/taskpane/components/SegmentTypeList';
import { defaultConfig } from '../../src/engine/config';
import { InProcessClient } from '../../src/taskpane/worker/client';
import { renderPane } from './render';

jest.setTimeout(40_000);
configure({ asyncUtilTimeout: 15_000 });

it('names the data in use and its size at the top, and Change opens the Data step', async () => {
  const wb = new MemoryWorkbook();
  wb.addSheet('Sales', [
    ['Customer', 'Sales', 'Profit'],
    ['C1', 500, 50],
    ['C2', 300, 30],
    ['C3', 150, 15],
  ]);
  renderPane(<Pane host={new MemoryHost(wb)} engine={new InProcessClient()} />);
  await waitFor(() => expect(screen.getByTestId('preview-table')).toBeTruthy());
  await waitFor(() => expect(screen.getByTestId('source-line').textContent).toBe('Data: Sheet Sales (3 rows) · 3 lines used · Change'));
  fireEvent.click(screen.getByRole('button', { name: 'Change' }));
  await waitFor(() => expect(screen.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true'));
  expect(screen.getByTestId('source-line').textContent).toBe('Data: Sheet Sales (3 rows) · 3 lines used');
});

it('"needs attention" takes the selected button\'s own colour, and red elsewhere', () => {
  const types = defaultConfig().segmentTypes;
  renderPane(<SegmentTypeList types={types} selected={0} invalid={[true, true]} onSelect={() => undefined} onMove={() => undefined} onRemove={() => undefined} onAdd={() => undefined} />);
  const [selected, other] = screen.getAllByTestId('needs-attention');
  expect(getComputedStyle(selected).color).not.toBe(getComputedStyle(other).color);
  expect(selected.className).not.toBe(other.className);
});
