import fc from 'fast-check';
import { detectColumns, HEADER_SYNONYMS, normalizeHeader } from '../../../src/engine/parse/headers';
import { COLUMN_ROLES, type Cell, type ColumnRole } from '../../../src/engine/types';

describe('normalizeHeader', () => {
  it.each<[Cell, string]>([
    ['  Customer ID ', 'customer id'],
    ['Customer_ID', 'customer id'],
    ['Kunden-Nr.', 'kunden nr'],
    ['Sub-Category', 'sub category'],
    ['Catégorie', 'categorie'],
    ['Código  cliente', 'codigo cliente'],
    ['Eingelöste Punkte', 'eingeloste punkte'],
    ['Order\u00a0Date', 'order date'],
    ['A . b _ c - d', 'a b c d'],
    ["Chiffre d\u2019affaires", "chiffre d'affaires"],
    ['Año', 'ano'],
    [null, ''],
    [undefined, ''],
    ['', ''],
    [2017, '2017'],
    [true, 'true'],
  ])('%j -> %j', (h, expected) => {
    expect(normalizeHeader(h)).toBe(expected);
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ maxLength: 20 }), (s) => normalizeHeader(normalizeHeader(s)) === normalizeHeader(s)));
  });
});

describe('synonym tables', () => {
  it('give every word to one role only', () => {
    const owner = new Map<string, ColumnRole>();
    const clashes: string[] = [];
    for (const table of HEADER_SYNONYMS) {
      for (const role of COLUMN_ROLES) {
        for (const w of table[role]) {
          const key = normalizeHeader(w);
          const o = owner.get(key);
          if (o !== undefined && o !== role) clashes.push(`${w}: ${o} and ${role}`);
          owner.set(key, role);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
  it('has words for every role in every language', () => {
    for (const table of HEADER_SYNONYMS) for (const role of COLUMN_ROLES) expect(table[role].length).toBeGreaterThan(0);
  });
});

describe('detectColumns', () => {
  it('maps the Superstore header', () => {
    const header = [
      'Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Ship Mode', 'Customer ID', 'Customer Name', 'Segment', 'Country',
      'City', 'State', 'Postal Code', 'Region', 'Product ID', 'Category', 'Sub-Category', 'Product Name', 'Sales',
      'Quantity', 'Discount', 'Profit',
    ];
    expect(detectColumns(header)).toEqual({
      customer: 5, customerName: 6, date: 2, order: 1, product: 13, category: 14, amount: 17, quantity: 18, profit: 20,
    });
  });

  it('maps the Global Superstore header without taking Shipping Cost as the cost', () => {
    const header = [
      'Row ID', 'Order ID', 'Order Date', 'Ship Date', 'Ship Mode', 'Customer ID', 'Customer Name', 'Segment', 'City',
      'State', 'Country', 'Postal Code', 'Market', 'Region', 'Product ID', 'Category', 'Sub-Category', 'Product Name',
      'Sales', 'Quantity', 'Discount', 'Profit', 'Shipping Cost', 'Order Priority',
    ];
    expect(detectColumns(header)).toEqual({
      order: 1, date: 2, customer: 5, customerName: 6, product: 14, category: 15, amount: 18, quantity: 19, profit: 21,
    });
  });

  // One ledger's header per language, its columns in the same order of roles, so one expectation serves all.
  it.each<[string, string[]]>([
    ['French', ['N° facture', 'Date facture', 'Code client', 'Raison sociale', 'Réf article', 'Famille', 'Qté', 'Montant HT', 'Coût de revient', 'Marge', 'Points utilisés']],
    ['German', ['Belegnummer', 'Rechnungsdatum', 'Kunden-Nr.', 'Kundenname', 'Artikelnummer', 'Warengruppe', 'Menge', 'Nettoumsatz', 'Wareneinsatz', 'Deckungsbeitrag', 'Eingelöste Punkte']],
    ['Spanish', ['Nº pedido', 'Fecha pedido', 'Código cliente', 'Nombre cliente', 'Artículo', 'Categoría', 'Cantidad', 'Importe', 'Coste', 'Beneficio', 'Puntos canjeados']],
    ['Dutch', ['Factuurnummer', 'Factuurdatum', 'Klantnummer', 'Klantnaam', 'Artikelnummer', 'Productgroep', 'Aantal', 'Netto omzet', 'Kostprijs', 'Brutowinst', 'Ingewisselde punten']],
    ['Italian', ['N° documento', 'Data documento', 'Codice cliente', 'Ragione sociale', 'Codice articolo', 'Gruppo merceologico', 'Quantità', 'Imponibile', 'Costo del venduto', 'Margine', 'Punti utilizzati']],
    // A Brazilian invoice list: nota fiscal, data de emissão.
    ['Portuguese', ['Nota fiscal', 'Data de emissão', 'Código do cliente', 'Razão social', 'Código do produto', 'Categoria do produto', 'Qtd', 'Valor líquido', 'Custo', 'Lucro', 'Pontos resgatados']],
  ])('maps the %s header of a ledger', (_language, header) => {
    expect(detectColumns(header)).toEqual({
      order: 0, date: 1, customer: 2, customerName: 3, product: 4, category: 5, quantity: 6, amount: 7, cost: 8, profit: 9, spent: 10,
    });
  });

  it('reads a PivotTable value field as each language\'s Excel heads it, and net before gross in Italian and Portuguese', () => {
    for (const amount of ['Summe von Umsatz', 'Somme de Montant', 'Suma de Ventas', 'Som van Omzet', 'Somma di Fatturato', 'Soma de Vendas', 'Totale fatturato']) {
      expect([amount, detectColumns(['Cliente', amount])]).toEqual([amount, { customer: 0, amount: 1 }]);
    }
    expect(detectColumns(['Codice cliente', 'Importo lordo', 'Importo IVA esclusa'])).toEqual({ customer: 0, amount: 2 });
    expect(detectColumns(['Código do cliente', 'Valor com IVA', 'Valor sem IVA'])).toEqual({ customer: 0, amount: 2 });
    // A document's total (with its VAT) is no net amount.
    expect(detectColumns(['Codice cliente', 'Totale documento'])).toEqual({ customer: 0 });
  });

  it('takes no bare Data for the date: an English sheet may head anything so', () => {
    expect(detectColumns(['Customer', 'Data', 'Sales'])).toEqual({ customer: 0, amount: 2 });
  });

  it('maps a header with only Client and Montant', () => {
    expect(detectColumns(['Client', 'Montant'])).toEqual({ customer: 0, amount: 1 });
  });

  it('maps English alternatives', () => {
    expect(detectColumns(['Invoice No', 'Posting Date', 'Account Number', 'Account Name', 'SKU', 'Product Group', 'Qty', 'Net Sales', 'COGS', 'Gross Margin', 'Points Redeemed'])).toEqual({
      order: 0, date: 1, customer: 2, customerName: 3, product: 4, category: 5, quantity: 6, amount: 7, cost: 8, profit: 9, spent: 10,
    });
  });

  it('is not fooled by case, accents, spacing and punctuation', () => {
    expect(detectColumns(['  CUSTOMER_ID ', 'order.date', 'categorie', 'MONTANT  HT', 'kunden nr'])).toEqual({
      customer: 0, date: 1, category: 2, amount: 3,
    });
  });

  describe('customer and customer name', () => {
    it('maps Customer Name to customerName, never to customer, when an id column exists', () => {
      expect(detectColumns(['Customer Name', 'Customer ID'])).toEqual({ customer: 1, customerName: 0 });
    });
    it('uses the name column as the customer when there is no id column', () => {
      expect(detectColumns(['Customer Name', 'Sales'])).toEqual({ customer: 0, amount: 1 });
      expect(detectColumns(['Nom client', 'Montant'])).toEqual({ customer: 0, amount: 1 });
    });
    it('prefers an id-like column over a bare Customer column', () => {
      expect(detectColumns(['Customer', 'Customer ID'])).toEqual({ customer: 1 });
    });
    it('takes a bare Name column as the customer name beside a customer column, never as the customer', () => {
      expect(detectColumns(['Kunde', 'Name', 'Datum', 'Umsatz'])).toEqual({ customer: 0, customerName: 1, date: 2, amount: 3 });
      expect(detectColumns(['Client', 'Nom', 'Date', 'Montant'])).toEqual({ customer: 0, customerName: 1, date: 2, amount: 3 });
      expect(detectColumns(['Cliente', 'Nombre (razón social)', 'Importe'])).toEqual({ customer: 0, customerName: 1, amount: 2 });
      expect(detectColumns(['Klantnummer', 'NAAM', 'Omzet'])).toEqual({ customer: 0, customerName: 1, amount: 2 });
      expect(detectColumns(['Kundennr', 'Firma', 'Umsatz'])).toEqual({ customer: 0, customerName: 1, amount: 2 });
      // A real customer-name header wins over a bare one, wherever it stands.
      expect(detectColumns(['Name', 'Customer ID', 'Customer Name'])).toEqual({ customer: 1, customerName: 2 });
      // Alone, Name is not the customer: Shopify's order export calls the order number Name.
      expect(detectColumns(['Name', 'Email', 'Sales'])).toEqual({ amount: 2 });
    });
    it('does not take Customer Segment or Customer Category as the customer', () => {
      expect(detectColumns(['Customer Segment', 'Customer Category', 'Customer Name'])).toEqual({ customer: 2 });
    });
  });

  describe('product, category, date, order', () => {
    it('prefers Product ID over Product Name, whatever the column order', () => {
      expect(detectColumns(['Product Name', 'Product ID'])).toEqual({ product: 1 });
    });
    it('uses Product Name when there is no product code', () => {
      expect(detectColumns(['Product Name'])).toEqual({ product: 0 });
    });
    it('keeps Category over Sub-Category, and takes Sub-Category when alone', () => {
      expect(detectColumns(['Sub-Category', 'Category'])).toEqual({ category: 1 });
      expect(detectColumns(['Sub-Category'])).toEqual({ category: 0 });
    });
    it('reads Order Date as the date and Order ID as the order', () => {
      expect(detectColumns(['Order Date', 'Order ID'])).toEqual({ date: 0, order: 1 });
    });
    it('does not take Ship Date or Due Date as the date', () => {
      expect(detectColumns(['Ship Date', 'Order Date'])).toEqual({ date: 1 });
      expect(detectColumns(['Ship Date', 'Due Date'])).toEqual({});
    });
    it('prefers Order Date over Invoice Date, and the leftmost of equal matches', () => {
      expect(detectColumns(['Invoice Date', 'Order Date'])).toEqual({ date: 1 });
      expect(detectColumns(['Datum', 'Date'])).toEqual({ date: 0 });
    });
  });

  it('maps nothing for Segment, Row ID, Postal Code, Discount, Ship Mode and other columns', () => {
    expect(detectColumns(['Segment', 'Row ID', 'Postal Code', 'Discount', 'Ship Mode', 'Region', 'Unit Price', 'Shipping Cost', 'Tax Amount', ''])).toEqual({});
  });

  it('reads headers with a unit in brackets or a qualifier when nothing matches exactly', () => {
    expect(detectColumns(['Sales (EUR)', 'Total Profit', 'Sum of Quantity', 'Sell-to Customer No.', 'Umsatz gesamt'])).toEqual({
      amount: 0, profit: 1, quantity: 2, customer: 3,
    });
    expect(detectColumns(['Total Sales', 'Sales'])).toEqual({ amount: 1 });
  });

  it('reads an amount net of tax over one with the tax, and a net figure over a gross one, wherever they stand', () => {
    expect(detectColumns(['Customer', 'VAT', 'Sales incl. VAT', 'Sales excl. VAT'])).toEqual({ customer: 0, amount: 3 });
    expect(detectColumns(['Kunde', 'Datum', 'Umsatz brutto', 'Umsatz netto'])).toEqual({ customer: 0, date: 1, amount: 3 });
    expect(detectColumns(['Client', 'Montant TTC', 'Montant HT'])).toEqual({ customer: 0, amount: 2 });
    expect(detectColumns(['Customer', 'Gross Sales', 'Net Sales ex VAT'])).toEqual({ customer: 0, amount: 2 });
    expect(detectColumns(['Customer', 'Revenue (excl. VAT)', 'Revenue incl. tax'])).toEqual({ customer: 0, amount: 1 });
    expect(detectColumns(['Kunde', 'Umsatz exkl. MwSt.', 'Umsatz inkl. MwSt.'])).toEqual({ customer: 0, amount: 1 });
    // A gross figure alone is still the column's role: the line's sales, with the tax in them.
    expect(detectColumns(['Customer', 'Sales incl. VAT'])).toEqual({ customer: 0, amount: 1 });
    expect(detectColumns(['Cliente', 'Ventas con IVA', 'Ventas sin IVA'])).toEqual({ customer: 0, amount: 2 });
    // The tax itself is no amount of the sale.
    expect(detectColumns(['Customer', 'VAT', 'Sales Tax', 'Tax Amount'])).toEqual({ customer: 0 });
  });

  it('reads the names warehouses and APIs give their columns: snake case, camel case, a currency code, a timestamp', () => {
    expect(detectColumns(['customer_id', 'order_ts', 'net_revenue', 'order_id'])).toEqual({ customer: 0, date: 1, amount: 2, order: 3 });
    expect(detectColumns(['customer_key', 'invoice_dt', 'amount_usd'])).toEqual({ customer: 0, date: 1, amount: 2 });
    expect(detectColumns(['customerId', 'orderDate', 'totalAmount', 'customerName'])).toEqual({ customer: 0, date: 1, amount: 2, customerName: 3 });
    expect(detectColumns(['CustomerID', 'OrderTimestamp', 'Revenue EUR'])).toEqual({ customer: 0, date: 1, amount: 2 });
    // When a customer was created is not when it bought.
    expect(detectColumns(['account_id', 'created_at', 'amount'])).toEqual({ customer: 0, amount: 2 });
  });

  it('never maps a rate: a header with a percent sign takes no role', () => {
    // `Margin (%)` lost its brackets and became the profit: 0.25 as a profit puts every customer in the lowest band.
    expect(detectColumns(['Customer', 'Sales', 'Margin (%)', 'Profit %', 'Marge in %'])).toEqual({ customer: 0, amount: 1 });
    expect(detectColumns(['Customer', 'Discount %', 'Sales (EUR)', 'Margin'])).toEqual({ customer: 0, amount: 2, profit: 3 });
  });

  it('gives each role at most one column and each column at most one role', () => {
    const words = HEADER_SYNONYMS.flatMap((t) => COLUMN_ROLES.flatMap((r) => t[r]));
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...words), fc.string({ maxLength: 12 })), { maxLength: 25 }), (header) => {
        const mapping = detectColumns(header);
        const columns = Object.values(mapping);
        return (
          new Set(columns).size === columns.length &&
          columns.every((c) => Number.isInteger(c) && c >= 0 && c < header.length) &&
          Object.keys(mapping).every((k) => (COLUMN_ROLES as readonly string[]).includes(k))
        );
      }),
    );
  });

  it('finds every synonym alone in a header', () => {
    for (const table of HEADER_SYNONYMS) {
      for (const role of COLUMN_ROLES) {
        for (const w of table[role]) {
          const expected = role === 'customerName' ? 'customer' : role;
          expect([w, detectColumns(['Segment', w])]).toEqual([w, { [expected]: 1 }]);
        }
      }
    }
  });
});
