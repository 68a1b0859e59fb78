// A simulator of the part of the Excel JavaScript API Tierwise uses, with Excel's rules (see
// docs/excel-host.md). Tests build a workbook on `model`, then hand `run` to the office host.
export { SimExcel, PAYLOAD_LIMIT, READ_CELL_LIMIT, type SimOptions } from './context';
export { SimRichApiError } from './errors';
export { WorkbookModel, SheetModel } from './model';
export { MAX_COLS, MAX_ROWS } from './address';
