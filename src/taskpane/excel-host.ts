// The one place the pane gets its Excel host, so the playground bundle path never touches office.js.
import type { WorkbookHost } from '../hosts/host';
import { OfficeHost } from '../hosts/office/host';

export async function createExcelHost(): Promise<WorkbookHost> {
  return new OfficeHost();
}
