// A full-height sales sheet (1,048,576 rows: a header and 1,048,575 lines) x 8 columns, built
// straight on the simulator's model. Repeated texts share one string each, as Excel's shared
// string table does, so the sheet costs memory for numbers, not for a million copies of a name.
import { MAX_ROWS } from './excel-sim';
import type { SheetModel } from './excel-sim/model';
import type { SimExcel } from './excel-sim';

export const BIG_HEADER = ['Order ID', 'Order Date', 'Customer ID', 'Customer Name', 'Category', 'Quantity', 'Sales', 'Profit'];
export const BIG_CUSTOMERS = 20_000;
const CATEGORIES = ['Furniture', 'Office Supplies', 'Technology'];

export function bigSheet(sim: SimExcel, name = 'Orders', rows = MAX_ROWS): SheetModel {
  const sheet = sim.model.addSheet(name);
  BIG_HEADER.forEach((h, c) => sheet.writeRaw(0, c, h));
  const ids = Array.from({ length: BIG_CUSTOMERS }, (_, i) => `C${String(i).padStart(5, '0')}`);
  const names = ids.map((id) => `Customer ${id}`);
  for (let r = 1; r < rows; r++) {
    const c = (r * 7919) % BIG_CUSTOMERS;
    const sales = ((r * 104_729) % 100_000) / 100;
    sheet.write(r, 0, { t: 'num', v: r });
    sheet.write(r, 1, { t: 'num', v: 41_640 + (r % 1461) });
    sheet.write(r, 2, { t: 'text', v: ids[c] });
    sheet.write(r, 3, { t: 'text', v: names[c] });
    sheet.write(r, 4, { t: 'text', v: CATEGORIES[r % 3] });
    sheet.write(r, 5, { t: 'num', v: 1 + (r % 9) });
    sheet.write(r, 6, { t: 'num', v: sales });
    sheet.write(r, 7, { t: 'num', v: Math.round(sales * 15 - 2_000) / 100 });
  }
  return sheet;
}
