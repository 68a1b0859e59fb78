// Credit notes written with positive amounts beside a document type that says so: said once at the first
// such line's amount, never made negative (src/engine/credit-notes.ts).
import { isCreditType } from '../../src/engine/credit-notes';
import { ingest } from '../../src/engine/ingest';
import { documentTypeColumn } from '../../src/engine/parse/headers';
import type { Cell } from '../../src/engine/types';
import { config, table } from '../support/tables';

const HEAD = ['Customer', 'Document Type', 'Sales'];
const warnings = (rows: Cell[][], head = HEAD, filters = {}) => ingest(table(head, rows), config(filters)).issues.filter((i) => i.severity === 'warning');

describe('credit notes with positive amounts', () => {
  it('are said at the first such line’s amount, with their types, the most lines first', () => {
    // Credit Memo on rows 3 and 6 (30 and 10), Sales Cr.Memo on row 5 (12), one Credit Memo of -5 on row 7:
    // 3 positive against 1 negative. Row 3 is data row 1, so its Sales cell is C3.
    const rows: Cell[][] = [
      ['C1', 'Invoice', 100],
      ['C1', 'Credit Memo', 30],
      ['C2', 'Invoice', 50],
      ['C2', 'Sales Cr.Memo', 12],
      ['C3', ' Credit Memo ', 10],
      ['C3', 'Credit Memo', -5],
    ];
    expect(warnings(rows)).toEqual([
      {
        severity: 'warning',
        where: 'Sales!C3',
        message:
          '3 lines whose Document Type is a credit note ("Credit Memo", "Sales Cr.Memo") have a positive amount in Sales (the first is here): Tierwise adds each line\'s amount as it is, so these credit notes raise their customers\' sales instead of lowering them. Make their amounts negative, as a return is, or leave them out with a filter under "What is counted" (Document Type, leave out these types).',
      },
    ]);
  });

  it('names the one type to leave out, and points at the first positive line, not the first credit line', () => {
    // Row 2 (data row 0) is a Gutschrift of -4, row 3 one of 8 and row 4 one of 9: the first positive is row 3.
    const said = warnings([['C1', 'Gutschrift', -4], ['C1', 'Gutschrift', 8], ['C2', 'Gutschrift', 9]], ['Kunde', 'Belegart', 'Umsatz']);
    expect(said.map((i) => i.where)).toEqual(['Sales!C3']);
    expect(said[0].message).toMatch(/^2 lines whose Belegart is a credit note \("Gutschrift"\) have a positive amount in Umsatz .*\(Belegart, leave out "Gutschrift"\)\.$/);
  });

  it('is not said when the credit notes are mostly negative, when none is kept, or without a document type column', () => {
    // One positive against two negative: the ledger writes credits negative, and one is a correction.
    expect(warnings([['C1', 'Invoice', 100], ['C1', 'Credit Memo', -30], ['C2', 'Credit Memo', -20], ['C2', 'Credit Memo', 5]])).toEqual([]);
    // A filter leaves the credit notes out; a left-out line (no customer) is not looked at.
    expect(warnings([['C1', 'Invoice', 100], ['C1', 'Credit Memo', 30]], HEAD, { filters: [{ column: 'Document Type', in: ['Invoice'] }] })).toEqual([]);
    expect(warnings([['C1', 'Invoice', 100], ['', 'Credit Memo', 30]]).filter((i) => i.message.includes('credit note'))).toEqual([]);
    expect(warnings([['C1', 'Credit Memo', 30]], ['Customer', 'Remark', 'Sales'])).toEqual([]);
  });

  it('reads a credit note’s words in the header languages, and not a way of payment', () => {
    for (const t of ['Credit Memo', 'Credit Note', 'CreditMemo', 'Sales Cr.Memo', 'Sales Credit', 'Credit Invoice', 'Gutschrift', 'Retoure', 'Avoir', 'Abono', 'Nota de crédito', 'Factura rectificativa', 'Creditnota', 'Creditfactuur', 'Nota di credito', 'Storno', 'Reso', 'Devolução', 'Refund Receipt', 'Return']) {
      expect([t, isCreditType(t)]).toEqual([t, true]);
    }
    for (const t of ['Invoice', 'Rechnung', 'Facture', 'Factura', 'Fattura', 'Fatura', 'Nota fiscal', 'Resoconto', 'Sales Receipt', 'Credit Card', 'Credit', 'Debit', 'Accreditation']) expect([t, isCreditType(t)]).toEqual([t, false]);
  });

  it('finds the document type column by the headers ledgers and ERP lists use', () => {
    for (const h of ['Document Type', 'Doc. Type', 'Type', 'Billing Type', 'Belegart', 'Type de pièce', 'Tipo de documento', 'Soort document']) expect(documentTypeColumn(['Customer', h, 'Sales'])).toBe(1);
    expect(documentTypeColumn(['Customer', 'Product Type', 'Sales'])).toBe(-1);
  });
});
