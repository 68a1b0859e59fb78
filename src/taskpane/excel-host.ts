// The one place the pane gets its Excel host. The office-js host is built on another branch; at
// merge this body becomes `return new OfficeHost();` (import from '../hosts/office/host').
import type { WorkbookHost } from '../hosts/host';

export class ExcelUnavailable extends Error {}

export async function createExcelHost(): Promise<WorkbookHost> {
  throw new ExcelUnavailable('The Excel connection is not part of this build of Tierwise, so the pane cannot read or write this workbook. Open the playground in a browser to try Tierwise on the sample data.');
}
