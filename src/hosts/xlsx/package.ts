// The .xlsx package as a zip of parts. Tierwise edits it at the package level: it adds or replaces
// only the parts it owns and makes small, appending edits to the few shared parts that must list
// them ([Content_Types].xml, the workbook, its relationships, styles). Every other part keeps its
// compressed bytes: JSZip reuses an entry's stored data when the entry was not touched.
import JSZip from 'jszip';
import { PackageError, REPAIR_ADVICE } from './package-error';
import { posix } from 'node:path';
import { constants, inflateRawSync } from 'node:zlib';
import { attr, attributes, closingTag, CONTENT_TYPE, elementPrefix, escapeXml, findTags, namespacesAt, NS, prefixIn, REL } from './xml';
import { deflatedEntry, zipBytes, type ZipEntry } from './zip-write';

/** What JSZip keeps of an entry it read and nobody changed: the compressed bytes as they were in the file. */
interface Stored {
  compressedContent: Uint8Array;
  crc32: number;
  uncompressedSize: number;
  compression: { magic: string };
}
const DEFLATE = '\x08\x00';
const STORE = '\x00\x00';

function storedOf(f: JSZip.JSZipObject): Stored | undefined {
  const d = (f as unknown as { _data?: Partial<Stored> })._data;
  return d && d.compressedContent && d.compression && (d.compression.magic === DEFLATE || d.compression.magic === STORE) ? (d as Stored) : undefined;
}

export { PackageError, REPAIR_ADVICE } from './package-error';

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** Part path inside the zip, e.g. `xl/worksheets/sheet1.xml`. */
  path: string;
  state: 'visible' | 'hidden' | 'veryHidden';
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const CFB_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

/** Why bytes that are not a zip are not a workbook, in the user's words. */
export function notZipReason(bytes: Uint8Array): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 8).equals(CFB_MAGIC)) {
    return buf.includes(ENCRYPTION_INFO)
      ? 'it is protected with a password. Tierwise cannot open encrypted workbooks: in Excel, File > Info > Protect Workbook > Encrypt with Password, clear the password and save a copy'
      : 'it is an old Excel 97-2003 (.xls) file. Open it in Excel and save it as an .xlsx workbook';
  }
  if (buf.length === 0) return 'the file is empty';
  return 'it is not an .xlsx workbook (not a zip package)';
}

export class XlsxPackage {
  private constructor(
    readonly zip: JSZip,
    /** Path of the workbook part, normally `xl/workbook.xml`. */
    readonly workbookPath: string,
  ) {}

  static async load(bytes: Uint8Array, label = 'the file'): Promise<XlsxPackage> {
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new PackageError(`${label} cannot be opened: ${notZipReason(bytes)}`);
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (e) {
      throw new PackageError(`${label} cannot be opened: it is not an .xlsx workbook or it is damaged (${(e as Error).message}); if it is a workbook, ${REPAIR_ADVICE}`);
    }
    const rootRels = zip.file('_rels/.rels');
    const rels = rootRels ? parseRelationships(await rootRels.async('string'), '') : [];
    const main = rels.find((r) => r.type === REL.officeDocument || r.type.endsWith('/officeDocument'));
    const workbookPath = main ? main.target : 'xl/workbook.xml';
    if (!zip.file(workbookPath) || !zip.file('[Content_Types].xml')) {
      throw new PackageError(`${label} cannot be opened: it is a zip file but not an Excel workbook (no ${workbookPath})`);
    }
    // A Strict Open XML file names its parts' kinds in other namespaces than every reader here expects
    // (its shared strings would be missed, its cells read empty): refused with what to do instead.
    const head = (await zip.file(workbookPath)!.async('string')).slice(0, 2000);
    if (head.includes(NS.strictMain)) {
      throw new PackageError(
        `${label} is saved as a "Strict Open XML Spreadsheet", which Tierwise does not read: in Excel, File > Save As, choose "Excel Workbook (*.xlsx)", then run Tierwise on that file`,
      );
    }
    return new XlsxPackage(zip, workbookPath);
  }

  /** Parts added or replaced since loading, by path (a deleted part maps to null). */
  private readonly written = new Map<string, Uint8Array | string | null>();

  has(path: string): boolean {
    const w = this.written.get(path);
    return w !== undefined ? w !== null : this.zip.file(path) !== null;
  }

  async text(path: string): Promise<string | undefined> {
    const w = this.written.get(path);
    if (w !== undefined) return w === null ? undefined : typeof w === 'string' ? w : Buffer.from(w.buffer, w.byteOffset, w.byteLength).toString('utf8');
    const f = this.zip.file(path);
    if (!f) return undefined;
    return storedOf(f) ? Buffer.from((await this.bytes(path)) as Uint8Array).toString('utf8') : f.async('string');
  }

  /** A part's bytes; parts read from the file are inflated by Node's zlib (JSZip's inflate is JavaScript, several times slower). */
  async bytes(path: string): Promise<Uint8Array | undefined> {
    const w = this.written.get(path);
    if (w !== undefined) return w === null ? undefined : typeof w === 'string' ? Buffer.from(w, 'utf8') : w;
    const f = this.zip.file(path);
    if (!f) return undefined;
    const stored = storedOf(f);
    if (stored) return stored.compression.magic === DEFLATE ? inflateRawSync(stored.compressedContent) : stored.compressedContent;
    return f.async('uint8array');
  }

  /** About the first `bytes` bytes of a part, inflating only the start of it (a sheet's <dimension> is there). */
  async head(path: string, bytes = 4096): Promise<string | undefined> {
    const f = this.written.get(path) === undefined ? this.zip.file(path) : null;
    const stored = f ? storedOf(f) : undefined;
    if (!stored || stored.compression.magic !== DEFLATE) return (await this.text(path))?.slice(0, bytes);
    // A sync flush on a cut-off stream gives what inflates so far instead of an error.
    const out = inflateRawSync(stored.compressedContent.subarray(0, bytes * 4), { finishFlush: constants.Z_SYNC_FLUSH });
    return out.subarray(0, bytes).toString('utf8');
  }

  /** Uncompressed size as recorded in the zip directory (no inflating), or undefined. */
  uncompressedSize(path: string): number | undefined {
    const w = this.written.get(path);
    if (w !== undefined) return w === null ? undefined : typeof w === 'string' ? Buffer.byteLength(w) : w.length;
    const f = this.zip.file(path);
    return f ? storedOf(f)?.uncompressedSize : undefined;
  }

  put(path: string, content: string | Uint8Array): void {
    this.written.set(path, content);
  }

  remove(path: string): void {
    this.written.set(path, null);
  }

  /** `xl/charts/chart3.xml`: the first `stem` number from `from` on that no part has, so the workbook's own parts keep theirs. */
  freePartName(dir: string, stem: string, from = 1): string {
    let n = from;
    while (this.has(`xl/${dir}/${stem}${n}.xml`)) n++;
    return `xl/${dir}/${stem}${n}.xml`;
  }

  /** Removes a part with what lists it by type and what it lists: its content-type override and its own relationships file. */
  async removePart(part: string): Promise<void> {
    this.remove(part);
    await this.removeContentTypeOverride(part);
    const rels = this.relsPathOf(part);
    if (this.has(rels)) this.remove(rels);
  }

  /** Every part, in the file's order, then the new ones. */
  paths(): string[] {
    const original = Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
    const known = new Set(original);
    return [...original, ...[...this.written.keys()].filter((p) => !known.has(p))].filter((p) => this.has(p));
  }

  async workbookXml(): Promise<string> {
    return (await this.text(this.workbookPath)) as string;
  }

  relsPathOf(part: string): string {
    return posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
  }

  async relationships(part: string): Promise<Relationship[]> {
    const xml = await this.text(this.relsPathOf(part));
    return xml ? parseRelationships(xml, posix.dirname(part)) : [];
  }

  async sheets(): Promise<SheetEntry[]> {
    const xml = await this.workbookXml();
    const rels = await this.relationships(this.workbookPath);
    return findTags(xml, 'sheet').map(({ tag }) => {
      const a = attributes(tag);
      const relId = attr(a, 'id') ?? '';
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      return { name: a.name ?? '', sheetId: Number(a.sheetId), relId, path: rels.find((r) => r.id === relId)?.target ?? '', state };
    });
  }

  async date1904(): Promise<boolean> {
    const pr = findTags(await this.workbookXml(), 'workbookPr')[0];
    const v = pr ? attributes(pr.tag).date1904 : undefined;
    return v === '1' || v === 'true';
  }

  /** Adds a worksheet part at the end of the workbook and returns its entry. */
  async addSheet(name: string, xml: string, state: SheetEntry['state']): Promise<SheetEntry> {
    const existing = await this.sheets();
    const path = this.freePartName('worksheets', 'sheet', existing.length + 1);
    this.put(path, xml);
    await this.addContentTypeOverride(path, CONTENT_TYPE.worksheet);
    const relId = await this.addRelationship(this.workbookPath, REL.worksheet, path);
    const sheetId = Math.max(0, ...existing.map((s) => s.sheetId || 0)) + 1;
    let wb = await this.workbookXml();
    // An empty list becomes an open one first (its attributes and declarations kept), so the new
    // entry always goes before a closing tag, inside the namespaces that hold there.
    const empty = /<((?:[\w.-]+:)?sheets)(\s[^>]*?)?\s*\/>/.exec(wb);
    if (!closingTag(wb, 'sheets') && empty) wb = `${wb.slice(0, empty.index)}<${empty[1]}${empty[2] ?? ''}></${empty[1]}>${wb.slice(empty.index + empty[0].length)}`;
    const close = closingTag(wb, 'sheets');
    if (!close) throw new PackageError(`the workbook part has no <sheets> list: the file is damaged; ${REPAIR_ADVICE}`);
    // The relationships prefix is the one bound where the entry goes: openpyxl declares `r:` on each
    // <sheet>, not on <workbook>, so a prefix seen elsewhere in the part may be unbound here.
    const scope = namespacesAt(wb, close.index);
    const mainPrefix = elementPrefix(wb, 'sheets');
    const strict = scope.get(mainPrefix.slice(0, -1)) === NS.strictMain;
    const relPrefix = prefixIn(scope, [NS.rel, NS.strictRel]);
    const idAttr = relPrefix ? `${relPrefix}:id="${relId}"` : `r:id="${relId}" xmlns:r="${strict ? NS.strictRel : NS.rel}"`;
    const sheetTag = `<${mainPrefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state === 'visible' ? '' : ` state="${state}"`} ${idAttr}/>`;
    wb = wb.slice(0, close.index) + sheetTag + wb.slice(close.index);
    this.put(this.workbookPath, wb);
    return { name, sheetId, relId, path, state };
  }

  /** Sets a sheet's visibility in the workbook part (the sheet part itself is untouched). */
  async setSheetState(entry: SheetEntry, state: SheetEntry['state']): Promise<void> {
    if (entry.state === state) return;
    const wb = await this.workbookXml();
    const tag = findTags(wb, 'sheet').find(({ tag }) => attr(attributes(tag), 'id') === entry.relId);
    if (!tag) return;
    let next = tag.tag.replace(/\sstate\s*=\s*("[^"]*"|'[^']*')/, '');
    if (state !== 'visible') next = next.replace(/^(<[\w:.-]+)/, `$1 state="${state}"`);
    this.put(this.workbookPath, wb.slice(0, tag.index) + next + wb.slice(tag.index + tag.tag.length));
  }

  /**
   * The workbook's views (`<workbookView activeTab firstSheet>`, indexes into the sheet list) on
   * visible sheets: a hidden sheet as the active tab (a user unhid Tierwise's history, left it
   * active and saved; the next run hid it again, or another tool wrote it so) is a view Excel
   * repairs. The active tab moves to the first visible sheet after it, else before it.
   */
  async keepViewsOnVisibleSheets(): Promise<void> {
    const sheets = await this.sheets();
    const visible = sheets.map((s) => s.state === 'visible');
    const firstVisible = visible.indexOf(true);
    if (firstVisible < 0) return;
    const wb = await this.workbookXml();
    let out = '';
    let copied = 0;
    for (const { tag, index } of findTags(wb, 'workbookView')) {
      const a = attributes(tag);
      const active = Number(a.activeTab ?? 0);
      const first = Number(a.firstSheet ?? 0);
      const after = visible.indexOf(true, Math.max(0, active));
      const newActive = visible[active] ? active : after >= 0 ? after : visible.lastIndexOf(true);
      const newFirst = visible[first] && first <= newActive ? first : firstVisible;
      if (newActive === active && newFirst === first) continue;
      out += wb.slice(copied, index) + setAttribute(setAttribute(tag, 'activeTab', newActive), 'firstSheet', newFirst);
      copied = index + tag.length;
    }
    if (copied > 0) this.put(this.workbookPath, out + wb.slice(copied));
  }

  async addContentTypeOverride(path: string, contentType: string): Promise<void> {
    const xml = (await this.text('[Content_Types].xml')) as string;
    const part = `/${path}`;
    if (findTags(xml, 'Override').some(({ tag }) => attributes(tag).PartName === part)) return;
    const close = closingTag(xml, 'Types');
    if (!close) throw new PackageError(`[Content_Types].xml is damaged; ${REPAIR_ADVICE}`);
    this.put('[Content_Types].xml', `${xml.slice(0, close.index)}<${elementPrefix(xml, 'Types')}Override PartName="${escapeXml(part)}" ContentType="${contentType}"/>${xml.slice(close.index)}`);
  }

  async removeContentTypeOverride(path: string): Promise<void> {
    const xml = (await this.text('[Content_Types].xml')) as string;
    const hit = findTags(xml, 'Override').find(({ tag }) => attributes(tag).PartName === `/${path}`);
    if (hit) this.put('[Content_Types].xml', xml.slice(0, hit.index) + xml.slice(hit.index + hit.tag.length));
  }

  /** Adds a relationship from `source` to `target` (both package paths) and returns its id. */
  async addRelationship(source: string, type: string, target: string): Promise<string> {
    const relsPath = this.relsPathOf(source);
    let xml = (await this.text(relsPath)) ?? `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
    const ids = new Set(findTags(xml, 'Relationship').map(({ tag }) => attributes(tag).Id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const relTarget = posix.relative(posix.dirname(source), target);
    const close = closingTag(xml, 'Relationships');
    const rel = `<${elementPrefix(xml, 'Relationships')}Relationship Id="${id}" Type="${type}" Target="${escapeXml(relTarget)}"/>`;
    xml = close ? xml.slice(0, close.index) + rel + xml.slice(close.index) : xml.replace(/<((?:[\w.-]+:)?Relationships)([^>]*?)\s*\/>/, `<$1$2>${rel}</$1>`);
    this.put(relsPath, xml);
    return id;
  }

  async removeRelationship(source: string, id: string): Promise<void> {
    const relsPath = this.relsPathOf(source);
    const xml = await this.text(relsPath);
    if (!xml) return;
    const hit = findTags(xml, 'Relationship').find(({ tag }) => attributes(tag).Id === id);
    if (hit) this.put(relsPath, xml.slice(0, hit.index) + xml.slice(hit.index + hit.tag.length));
  }

  /** The package as a zip: untouched parts keep their compressed bytes, the others are deflated again. */
  async toBuffer(): Promise<Buffer> {
    const entries: ZipEntry[] = [];
    const now = new Date();
    for (const name of this.paths()) {
      const w = this.written.get(name);
      const f = this.zip.file(name);
      const stored = w === undefined && f ? storedOf(f) : undefined;
      if (stored && f) entries.push({ name, method: stored.compression.magic === DEFLATE ? 8 : 0, crc: stored.crc32, data: stored.compressedContent, size: stored.uncompressedSize, date: f.date });
      else entries.push(deflatedEntry(name, (await this.bytes(name)) as Uint8Array, f?.date ?? now));
    }
    return zipBytes(entries);
  }
}

/** A start tag with an unprefixed attribute set: replaced where written, else added (left out when 0, the schema's default). */
function setAttribute(tag: string, name: string, value: number): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return value === 0 ? tag : tag.replace(/^(<[\w:.-]+)/, `$1 ${name}="${value}"`);
}

export function parseRelationships(xml: string, baseDir: string): Relationship[] {
  return findTags(xml, 'Relationship').map(({ tag }) => {
    const a = attributes(tag);
    const external = a.TargetMode === 'External';
    const raw = a.Target ?? '';
    const target = external ? raw : raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(baseDir, raw));
    return { id: a.Id ?? '', type: a.Type ?? '', target, external };
  });
}
