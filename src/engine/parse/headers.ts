// Column roles from header names (SEMANTICS.md section 1), in the words finance teams use in English,
// French, German, Spanish, Dutch, Italian and Portuguese. The synonyms are plain data: add a word to a list to teach it.
import { COLUMN_ROLES, type Cell, type ColumnMapping, type ColumnRole } from '../types';

/**
 * Header text for comparison: trimmed, lower case, accents stripped (NFD), typographic apostrophes as `'`,
 * and runs of whitespace, underscores, dots and hyphens as one space (`Kunden-Nr.` -> `kunden nr`).
 */
export function normalizeHeader(h: Cell): string {
  if (h === null || h === undefined) return '';
  const s = String(h)
    // `customerId`, `orderDate`, `CustomerID`: the words of a camel-case name, as APIs and warehouses write them.
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\s_.\-\u2010-\u2015]+/g, ' ');
  return s.trim();
}

/**
 * The column headed `name` (compared as headers are: case, accents and spacing ignored); -1 when none.
 * How every setting that names a column by its header finds it: configured roles, filters, loyalty
 * rules, questions, the customer column of a second range.
 */
export function columnNamed(header: readonly Cell[], name: string): number {
  const wanted = normalizeHeader(name);
  return header.findIndex((h) => normalizeHeader(h) === wanted);
}

/** A finder of the first column headed as one of `names` (compared as columnNamed compares), or -1. */
function firstHeadedAs(names: readonly string[]): (header: readonly Cell[]) => number {
  const normalized: ReadonlySet<string> = new Set(names.map(normalizeHeader));
  return (header) => header.findIndex((h) => normalized.has(normalizeHeader(h)));
}

type Synonyms = Record<ColumnRole, readonly string[]>;

// Within a role, earlier words are preferred when several columns match (`Order Date` before `Invoice Date`,
// `Product ID` before `Product Name`). A word may belong to one role only (checked by the tests).
// Words are written as users type them; they are normalized when the lookup table is built.

const ENGLISH: Synonyms = {
  customer: [
    'Customer ID', 'Customer No', 'Customer Number', 'Customer Code', 'Customer #', 'Customer',
    'Cust ID', 'Cust No', 'Customer Account', 'Client ID', 'Client No', 'Client Number', 'Client Code', 'Client',
    'Account ID', 'Account No', 'Account Number', 'Account', 'Debtor', 'Debtor No', 'Debtor Number',
    'Sold-to', 'Sold-to Party', 'Sold-to Customer', 'Customer Key', 'Client Key', 'Account Key',
  ],
  customerName: ['Customer Name', 'Client Name', 'Account Name', 'Debtor Name', 'Company Name'],
  date: [
    'Order Date', 'Sale Date', 'Sales Date', 'Transaction Date', 'Purchase Date', 'Invoice Date', 'Date',
    'Document Date', 'Posting Date', 'Timestamp', 'TS', 'DT',
  ],
  amount: [
    'Sales', 'Amount', 'Revenue', 'Net Sales', 'Net Amount', 'Net Revenue', 'Turnover', 'Sales Amount',
    'Sales Value', 'Line Amount', 'Line Total', 'Value',
  ],
  profit: ['Profit', 'Margin', 'Gross Profit', 'Gross Margin', 'Net Profit', 'Contribution Margin'],
  cost: ['Cost', 'COGS', 'Cost of Sales', 'Cost of Goods Sold', 'Total Cost', 'Cost Price'],
  quantity: ['Quantity', 'Qty', 'Units', 'Pieces', 'Pcs', 'Units Sold', 'Quantity Sold', 'Qty Sold'],
  order: [
    'Order ID', 'Order No', 'Order Number', 'Order #', 'Order', 'Sales Order', 'Invoice', 'Invoice ID', 'Invoice No',
    'Invoice Number', 'Invoice #', 'Document No', 'Document Number', 'Doc No',
  ],
  product: [
    'Product ID', 'Product Code', 'Product No', 'Product Number', 'Product', 'SKU', 'Item', 'Item ID', 'Item No',
    'Item Number', 'Item Code', 'Article', 'Article No', 'Article Number', 'Material', 'Material No',
    'Material Number',
    // names: only when no code column is there
    'Product Name', 'Item Name', 'Article Name',
  ],
  category: ['Category', 'Product Category', 'Product Group', 'Item Category', 'Item Group', 'Family', 'Product Family'],
  spent: ['Points Spent', 'Points Redeemed', 'Redeemed Points', 'Spent Points', 'Points Used'],
};

const FRENCH: Synonyms = {
  customer: [
    'Code client', 'N° client', 'Nº client', 'No client', 'Numéro client', 'Numéro de client', 'Num client',
    'ID client', 'Réf client', 'Client',
  ],
  customerName: ['Nom client', 'Nom du client', 'Raison sociale'],
  date: [
    'Date de commande', 'Date commande', 'Date de vente', 'Date vente', 'Date facture', 'Date de facture',
    'Date pièce', 'Date comptable',
  ],
  amount: [
    "Chiffre d'affaires", 'CA', 'CA HT', 'Montant', 'Montant HT', 'Montant net', 'Ventes', 'Total HT',
  ],
  profit: ['Marge', 'Bénéfice', 'Marge brute', 'Marge nette'],
  cost: ['Coût', 'Coût de revient', 'Prix de revient', 'Coût des ventes', "Coût d'achat"],
  quantity: ['Quantité', 'Qté', 'Qte'],
  order: [
    'N° commande', 'Nº commande', 'No commande', 'Numéro de commande', 'Numéro commande', 'Commande',
    'N° facture', 'Nº facture', 'No facture', 'Numéro de facture', 'Numéro facture', 'Facture', 'N° pièce',
  ],
  product: [
    'Code article', 'Réf article', 'Référence article', 'Réf', 'Référence', 'Code produit', 'Produit',
    'Article', 'Désignation article', 'Nom produit',
  ],
  category: ['Catégorie', 'Famille', 'Famille de produits', 'Famille article', 'Catégorie produit'],
  spent: ['Points utilisés', 'Points dépensés', 'Points échangés'],
};

const GERMAN: Synonyms = {
  customer: [
    'Kundennummer', 'Kunden-Nr', 'Kundennr', 'Kunden-ID', 'Kunde', 'Kunden', 'Debitor', 'Debitorennummer',
    'Debitoren-Nr', 'Debitorennr',
  ],
  customerName: ['Kundenname', 'Name des Kunden', 'Debitorenname', 'Firmenname'],
  date: [
    'Bestelldatum', 'Auftragsdatum', 'Verkaufsdatum', 'Rechnungsdatum', 'Datum', 'Belegdatum', 'Buchungsdatum',
  ],
  amount: [
    'Umsatz', 'Nettoumsatz', 'Umsatz netto', 'Betrag', 'Nettobetrag', 'Betrag netto', 'Erlös', 'Erlöse',
    'Umsatzerlöse',
  ],
  profit: ['Gewinn', 'Deckungsbeitrag', 'Rohertrag', 'Rohgewinn', 'Bruttogewinn'],
  cost: ['Kosten', 'Einstandspreis', 'Wareneinsatz', 'Selbstkosten', 'Herstellkosten'],
  quantity: ['Menge', 'Anzahl', 'Stück', 'Stückzahl', 'Absatz'],
  order: [
    'Auftragsnummer', 'Auftrags-Nr', 'Auftrag', 'Bestellnummer', 'Bestell-Nr', 'Bestellung', 'Rechnungsnummer',
    'Rechnungs-Nr', 'Rechnung', 'Belegnummer', 'Beleg-Nr', 'Beleg',
  ],
  product: ['Artikelnummer', 'Artikel-Nr', 'Artikelnr', 'Artikel', 'Produkt', 'Produkt-ID', 'Materialnummer', 'Artikelbezeichnung', 'Produktname'],
  category: ['Kategorie', 'Warengruppe', 'Produktgruppe', 'Artikelgruppe', 'Produktkategorie'],
  spent: ['Eingelöste Punkte', 'Eingeloeste Punkte', 'Punkte eingelöst', 'Verbrauchte Punkte'],
};

const SPANISH: Synonyms = {
  customer: [
    'ID cliente', 'Código cliente', 'Código de cliente', 'Cód cliente', 'Nº cliente', 'N° cliente', 'No cliente',
    'Número de cliente', 'Número cliente', 'Num cliente', 'Cliente',
  ],
  customerName: ['Nombre cliente', 'Nombre del cliente', 'Nombre de cliente', 'Razón social'],
  date: ['Fecha pedido', 'Fecha de pedido', 'Fecha venta', 'Fecha de venta', 'Fecha factura', 'Fecha de factura', 'Fecha'],
  amount: ['Ventas', 'Ventas netas', 'Importe', 'Importe neto', 'Monto', 'Facturación', 'Ingresos'],
  profit: ['Beneficio', 'Margen', 'Ganancia', 'Margen bruto', 'Beneficio bruto'],
  cost: ['Coste', 'Costo', 'Coste de ventas', 'Costo de ventas', 'Precio de coste', 'Precio de costo'],
  quantity: ['Cantidad', 'Unidades', 'Uds'],
  order: [
    'Nº pedido', 'N° pedido', 'No pedido', 'Número de pedido', 'Número pedido', 'Num pedido', 'ID pedido', 'Pedido',
    'Nº factura', 'N° factura', 'Número de factura', 'Número factura', 'Factura',
  ],
  product: [
    'Código producto', 'Código de producto', 'ID producto', 'Producto', 'Código artículo', 'Código de artículo',
    'Artículo', 'Referencia', 'Nombre producto', 'Nombre del producto',
  ],
  category: ['Categoría', 'Categoría de producto', 'Familia', 'Grupo', 'Grupo de productos'],
  spent: ['Puntos canjeados', 'Puntos usados', 'Puntos gastados'],
};

const DUTCH: Synonyms = {
  customer: [
    'Klantnummer', 'Klant-nr', 'Klantnr', 'Klant-ID', 'Klantcode', 'Klant', 'Debiteur', 'Debiteurnummer',
    'Debiteur-nr', 'Debiteurnr',
  ],
  customerName: ['Klantnaam', 'Naam klant', 'Bedrijfsnaam', 'Debiteurnaam'],
  date: ['Orderdatum', 'Besteldatum', 'Verkoopdatum', 'Factuurdatum', 'Boekdatum', 'Boekingsdatum'],
  amount: ['Omzet', 'Netto omzet', 'Nettoomzet', 'Bedrag', 'Nettobedrag', 'Netto bedrag'],
  profit: ['Winst', 'Brutowinst', 'Brutomarge'],
  cost: ['Kostprijs', 'Inkoopwaarde', 'Inkoopprijs', 'Kostprijs verkopen'],
  quantity: ['Aantal', 'Hoeveelheid', 'Stuks'],
  order: ['Ordernummer', 'Order-nr', 'Ordernr', 'Bestelnummer', 'Bestelling', 'Factuurnummer', 'Factuur-nr', 'Factuur'],
  product: ['Artikelcode', 'Productcode', 'Product-ID', 'Productnummer', 'Productnaam'],
  category: ['Categorie', 'Productgroep', 'Artikelgroep', 'Groep'],
  spent: ['Ingewisselde punten', 'Gebruikte punten', 'Bestede punten'],
};

const ITALIAN: Synonyms = {
  customer: ['Codice cliente', 'Cod cliente', 'Cod. cliente', 'ID cliente', 'N° cliente', 'Numero cliente', 'Cliente'],
  customerName: ['Ragione sociale', 'Nome cliente', 'Denominazione cliente', 'Descrizione cliente'],
  // No bare `Data`: an English sheet's "Data" column would become the dates.
  date: ['Data ordine', 'Data vendita', 'Data fattura', 'Data documento', 'Data registrazione', 'Data emissione'],
  amount: ['Fatturato', 'Importo', 'Importo netto', 'Vendite', 'Imponibile', 'Ricavi', 'Totale imponibile'],
  profit: ['Utile', 'Margine', 'Utile lordo', 'Margine lordo', 'Margine di contribuzione'],
  cost: ['Costo del venduto', 'Prezzo di costo', 'Costo di acquisto', 'Costi'],
  quantity: ['Quantità', 'Qtà', 'Qta', 'Pezzi'],
  order: ['N° ordine', 'Numero ordine', 'Ordine', 'N° fattura', 'Numero fattura', 'Fattura', 'N° documento', 'Numero documento'],
  product: ['Codice articolo', 'Cod articolo', 'Codice prodotto', 'Articolo', 'Prodotto', 'Descrizione articolo', 'Nome prodotto'],
  category: ['Famiglia', 'Gruppo merceologico', 'Categoria prodotto', 'Categoria'],
  spent: ['Punti utilizzati', 'Punti spesi', 'Punti riscattati'],
};

const PORTUGUESE: Synonyms = {
  customer: ['Código do cliente', 'ID do cliente', 'Número do cliente', 'Nº do cliente'],
  customerName: ['Nome do cliente', 'Nome cliente', 'Razão social'],
  date: ['Data do pedido', 'Data pedido', 'Data da venda', 'Data venda', 'Data da fatura', 'Data fatura', 'Data de emissão', 'Data emissão'],
  amount: ['Vendas', 'Valor', 'Valor líquido', 'Faturamento', 'Faturação', 'Receita', 'Valor total'],
  profit: ['Lucro', 'Margem', 'Lucro bruto', 'Margem bruta'],
  cost: ['Custo', 'Custo das vendas', 'Preço de custo', 'CMV'],
  quantity: ['Quantidade', 'Qtd', 'Qtde'],
  order: ['Número do pedido', 'Nº do pedido', 'Nº da fatura', 'Número da fatura', 'Fatura', 'Nota fiscal'],
  product: ['Código do produto', 'Código do artigo', 'Produto', 'Artigo', 'Nome do produto'],
  category: ['Categoria do produto', 'Família de produtos'],
  spent: ['Pontos resgatados', 'Pontos usados', 'Pontos gastos'],
};

/**
 * A bare `Name` and its translations, and German `Firma` (the company): the customer's name beside a
 * detected customer column (`Kunde; Name; Umsatz`, `Client; Nom; Montant`). Alone they may name anything
 * (Shopify's order export calls the order number `Name`), so they never become the customer themselves.
 */
export const BARE_NAME_HEADERS: readonly string[] = ['Name', 'Nom', 'Nombre', 'Naam', 'Nome', 'Firma'];

/**
 * Headers of a column that says each line's currency (an ERP export's `Currency`, `Crcy`, `Währung`,
 * `Devise`). Not a role: Tierwise adds amounts as they are, and only says when the kept lines mix
 * currencies (currencyMixIssue).
 */
export const CURRENCY_HEADERS: readonly string[] = ['Currency', 'Currency Code', 'Document Currency', 'Transaction Currency', 'Curr', 'Crcy', 'Ccy', 'Währung', 'Waehrung', 'Devise', 'Monnaie', 'Moneda', 'Divisa', 'Valuta', 'Munt', 'Moeda'];

/** The first column headed like a currency (CURRENCY_HEADERS), or -1. */
export const currencyColumn = firstHeadedAs(CURRENCY_HEADERS);

/** Headers of the column that tells an invoice from a credit note in ERP and accounting exports. */
export const DOCUMENT_TYPE_HEADERS: readonly string[] = [
  'Document Type', 'Doc Type', 'Doc. Type', 'Type', 'Transaction Type', 'Billing Type', 'Invoice Type', 'Entry Type', 'Voucher Type',
  'Belegart', 'Belegtyp', 'Fakturaart', 'Type de document', 'Type de pièce', 'Tipo de documento', 'Tipo documento', 'Tipo', 'Documenttype', 'Soort document', 'Boekingssoort',
];

/** The first column headed like a document type (DOCUMENT_TYPE_HEADERS), or -1. */
export const documentTypeColumn = firstHeadedAs(DOCUMENT_TYPE_HEADERS);

/**
 * The first column headed as a PivotTable in compact form heads its row field (in the languages whose
 * headers Tierwise reads), or -1. Not a role: its rows may be customers or products. A range whose
 * customer column is missing and that has one is said to be a PivotTable's (ingest), so the user maps it
 * or picks the source lines.
 */
export const pivotRowLabelsColumn = firstHeadedAs(['Row Labels', 'Étiquettes de lignes', 'Zeilenbeschriftungen', 'Etiquetas de fila', 'Rijlabels', 'Etichette di riga', 'Rótulos de Linha']);

/** All synonym tables, in the order they are merged (a role's words keep this language order). */
export const HEADER_SYNONYMS: readonly Synonyms[] = [ENGLISH, FRENCH, GERMAN, SPANISH, DUTCH, ITALIAN, PORTUGUESE];

/**
 * Words around a synonym that do not change the role: `Total Sales`, `Sum of Quantity`, `Sell-to Customer No.`,
 * `Sub-Category`, `Umsatz gesamt`. Used only when no header matches exactly. Deliberately short: `Shipping Cost`,
 * `Unit Price`, `Due Date`, `Customer Category` or `Tax Amount` must not take a role.
 */
export const HEADER_QUALIFIERS: { readonly before: readonly string[]; readonly after: readonly string[] } = {
  before: [
    'Sum of', 'Total', 'Sum', 'Net', 'Line', 'Sell-to', 'Bill-to', 'Sold-to', 'Sub', 'Order', 'Sales',
    'Invoice', 'Transaction', 'Document', 'Product', 'Item',
    // A PivotTable's value field in the other languages' Excels (`Sum of Sales`): `Summe von Umsatz`.
    'Summe von', 'Somme de', 'Suma de', 'Som van', 'Somma di', 'Soma de', 'Totale',
  ],
  after: [
    'Total', 'Net', 'HT', 'Netto', 'Neto', 'Gesamt', 'Totaal', 'Sum',
    // Net of tax, as invoices and ledgers head their amounts.
    'excl. VAT', 'ex VAT', 'excluding VAT', 'before VAT', 'net of VAT', 'excl. tax', 'ex tax', 'excluding tax', 'before tax',
    'pre-tax', 'exkl. MwSt.', 'ohne MwSt.', 'hors taxes', 'sin IVA', 'excl. btw', 'exclusief btw', 'ex btw',
    'IVA esclusa', 'senza IVA', 'sem IVA', 'Totale', 'Líquido',
    // A currency code after the word, as warehouses name their columns (`amount_usd`, `revenue_eur`).
    'USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'INR', 'CNY', 'BRL', 'MXN',
  ],
};

/**
 * Qualifiers of a gross figure: before returns or discounts (`Gross Sales`, `Umsatz brutto`) or with the
 * tax (`Sales incl. VAT`, `Montant TTC`). Such a header still takes its role, but after every other
 * match, so `Umsatz brutto | Umsatz netto` reads the net one wherever it stands.
 */
export const GROSS_QUALIFIERS: { readonly before: readonly string[]; readonly after: readonly string[] } = {
  before: ['Gross'],
  after: [
    'Gross', 'Brutto', 'Bruto', 'Brut', 'TTC', 'incl. VAT', 'inc. VAT', 'including VAT', 'incl. tax', 'including tax', 'inkl. MwSt.',
    'mit MwSt.', 'con IVA', 'IVA incluido', 'incl. btw', 'inclusief btw', 'Lordo', 'IVA inclusa', 'com IVA', 'IVA incluído',
  ],
};

interface Entry {
  role: ColumnRole;
  /** Preference within the role (position in its language list): lower is better. */
  rank: number;
}

/** normalized synonym -> role and rank. A word listed under two roles keeps the first (the tests forbid it). */
const LOOKUP: ReadonlyMap<string, Entry> = (() => {
  const map = new Map<string, Entry>();
  for (const role of COLUMN_ROLES) {
    for (const table of HEADER_SYNONYMS) {
      table[role].forEach((w, rank) => {
        const key = normalizeHeader(w);
        const existing = map.get(key);
        if (!existing || (existing.role === role && existing.rank > rank)) map.set(key, { role, rank });
      });
    }
  }
  return map;
})();

const BARE_NAMES: ReadonlySet<string> = new Set(BARE_NAME_HEADERS.map(normalizeHeader));
const qualifiers = (q: typeof HEADER_QUALIFIERS) => ({ before: q.before.map((w) => normalizeHeader(w) + ' '), after: q.after.map((w) => ' ' + normalizeHeader(w)) });
const PLAIN = qualifiers(HEADER_QUALIFIERS);
const GROSS = qualifiers(GROSS_QUALIFIERS);

/** Remove bracketed parts: `Sales (EUR)` -> `sales`, `Montant [€]` -> `montant`. */
function stripBrackets(h: string): string {
  if (!h.includes('(') && !h.includes('[')) return h;
  return h.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * The synonym inside qualifiers (`total net sales` -> `net sales`), or undefined; `gross` when one of
 * them is a gross figure's (GROSS_QUALIFIERS).
 */
function withoutQualifiers(h: string): { entry: Entry; gross: boolean } | undefined {
  let found: { entry: Entry; gross: boolean } | undefined;
  for (const [words, gross] of [[PLAIN, false], [GROSS, true]] as const) {
    const inner = (rest: string) => {
      const exact = LOOKUP.get(rest);
      const e = exact ? { entry: exact, gross: false } : withoutQualifiers(rest);
      return e && { entry: e.entry, gross: gross || e.gross };
    };
    for (const q of words.before) if (h.startsWith(q)) found = better(found, inner(h.slice(q.length)));
    for (const q of words.after) if (h.endsWith(q)) found = better(found, inner(h.slice(0, h.length - q.length)));
  }
  return found;
}

/** A net reading over a gross one, else the first found. */
const better = <T extends { gross: boolean }>(a: T | undefined, b: T | undefined): T | undefined => (a === undefined || (a.gross && b && !b.gross) ? b ?? a : a);

interface Candidate {
  column: number;
  entry: Entry;
  /**
   * 0: exact match, 1: exact once brackets are removed, 2: exact once qualifiers are removed, 3: the
   * same with a gross figure's qualifier.
   */
  pass: number;
}

const compare = (a: Candidate, b: Candidate): number =>
  a.pass - b.pass || a.entry.rank - b.entry.rank || a.column - b.column;

function candidate(column: number, raw: Cell): Candidate | undefined {
  const h = normalizeHeader(raw);
  // `Margin (%)`, `Profit %`: a rate, never an amount (as profit, a margin of 0.25 would fall in the
  // lowest band for every customer). A bracket takes the unit off `Sales (EUR)`, not the percent sign.
  if (h === '' || h.includes('%')) return undefined;
  const exact = LOOKUP.get(h);
  if (exact) return { column, entry: exact, pass: 0 };
  const stripped = stripBrackets(h);
  const bracketed = stripped !== h ? LOOKUP.get(stripped) : undefined;
  if (bracketed) return { column, entry: bracketed, pass: 1 };
  const qualified = withoutQualifiers(stripped);
  return qualified ? { column, entry: qualified.entry, pass: qualified.gross ? 3 : 2 } : undefined;
}

/**
 * Column roles from a header row. Exact synonym matches first, then headers with a bracketed unit
 * (`Sales (EUR)`), then headers with a qualifier (`Total Sales`, `Sub-Category`). Each column takes at most
 * one role and each role at most one column: the better match wins (pass, then the synonym's place in its
 * list), then the leftmost column. Beside a customer column and without a customer-name column, a bare
 * `Name` column (BARE_NAME_HEADERS) is the customer's name. Without a customer-id column, a customer-name
 * column becomes the customer (and customerName stays unset).
 */
export function detectColumns(header: Cell[]): ColumnMapping {
  const found: Candidate[] = [];
  for (let c = 0; c < header.length; c++) {
    const cand = candidate(c, header[c]);
    if (cand) found.push(cand);
  }
  found.sort(compare);
  const mapping: ColumnMapping = {};
  for (const cand of found) if (mapping[cand.entry.role] === undefined) mapping[cand.entry.role] = cand.column;
  if (mapping.customer !== undefined && mapping.customerName === undefined) {
    const taken = new Set(Object.values(mapping));
    const bare = header.findIndex((h, c) => !taken.has(c) && BARE_NAMES.has(stripBrackets(normalizeHeader(h))));
    if (bare >= 0) mapping.customerName = bare;
  }
  if (mapping.customer === undefined && mapping.customerName !== undefined) {
    mapping.customer = mapping.customerName;
    delete mapping.customerName;
  }
  return mapping;
}
