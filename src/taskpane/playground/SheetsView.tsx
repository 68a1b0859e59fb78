// The playground's stand-in for Excel's grid: the workbook's sheets as tabs, refreshed after Apply,
// switched to the sheet Tierwise selects ("Go to the tiers table") or a link on its summary goes to;
// the cells in the colours their conditional formats give them, and the sheet's charts under the grid.
import { Subtitle2, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { columnIndex } from '../../engine/address';
import { cellAt, shownFills, usedHeight, usedWidth, type MemorySheet, type MemoryWorkbook } from '../../hosts/memory/workbook';
import type { Cell } from '../../engine/types';
import type { PlaygroundHost } from './PlaygroundHost';
import { SheetCharts } from './SheetCharts';
import { GRID_ROWS, SheetGrid } from './SheetGrid';

const useStyles = makeStyles({
  // Contained: edits in the pane beside it never make the browser lay out or repaint this grid.
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, minWidth: 0, contain: 'layout paint' },
});

/** `'Customer Tiers'!B3` -> sheet, 0-based row and column. */
export function parseAddress(address: string): { sheet: string; row: number; column: number } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!\$?([A-Z]{1,3})\$?(\d+)/.exec(address);
  if (!m) return undefined;
  return { sheet: (m[1] ?? m[2]).replace(/''/g, "'"), row: Number(m[4]) - 1, column: columnIndex(m[3]) };
}

/** Only the rows the grid shows: copying a sheet of a million rows to show sixty would block the page. */
function firstRows(sheet: MemorySheet): Cell[][] {
  const width = usedWidth(sheet);
  const rows = Math.min(GRID_ROWS, usedHeight(sheet));
  return Array.from({ length: rows }, (_, r) => Array.from({ length: width }, (_, c) => cellAt(sheet, r, c)));
}

export function SheetsView({ host, workbook }: { host: PlaygroundHost; workbook: MemoryWorkbook }) {
  const styles = useStyles();
  const [version, setVersion] = useState(0);
  const [current, setCurrent] = useState(workbook.sheets[0]?.name ?? '');
  const [selected, setSelected] = useState<{ row: number; column: number }>();
  useEffect(
    () =>
      host.listen((e) => {
        setVersion((v) => v + 1);
        if (e.type === 'selected') {
          const a = parseAddress(e.address);
          if (a && workbook.sheet(a.sheet)) {
            setCurrent(workbook.sheet(a.sheet)!.name);
            setSelected({ row: a.row, column: a.column });
          }
        }
      }),
    [host, workbook],
  );
  const sheet = workbook.sheet(current);
  return (
    <section className={styles.root} aria-label="Workbook (playground)" data-version={version}>
      <Subtitle2 as="h2">Workbook (playground, in memory)</Subtitle2>
      <TabList selectedValue={current} onTabSelect={(_, d) => { setCurrent(String(d.value)); setSelected(undefined); }} aria-label="Sheets" size="small">
        {workbook.sheets.map((s) => (
          <Tab key={s.id} value={s.name} data-sheet-tab={s.name}>
            {s.visible ? s.name : `${s.name} (hidden)`}
          </Tab>
        ))}
      </TabList>
      {sheet && (
        <SheetGrid
          key={`${sheet.name}-${version}`}
          name={sheet.name}
          values={firstRows(sheet)}
          rowCount={usedHeight(sheet)}
          formats={sheet.formats}
          fills={shownFills(sheet, GRID_ROWS)}
          selected={selected}
          links={sheet.links}
          onFollow={(target) => void host.selectCell(target)}
        />
      )}
      {sheet && <SheetCharts key={`charts-${sheet.name}-${version}`} sheet={sheet} />}
    </section>
  );
}
