/*
 * Checks manifest.xml against what Office and the build actually need: identity, host, permissions,
 * requirement set, the XSD element order, every URL on the dev origin, icons that exist with the size
 * their name and their <bt:Image size> say, resource ids that resolve, and pages that webpack emits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { manifestInfo } from './manifest-info';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');

/** Permanent add-in id: workbook settings are keyed by it. Changing it orphans every saved configuration. */
const ADDIN_ID = '199e9907-7e49-44e7-93ea-357226612fb7';
const ORIGIN = 'https://localhost:3000';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

type Ordered = Record<string, unknown>;

function toNode(entry: Ordered): XmlNode | undefined {
  const name = Object.keys(entry).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '?xml' || name === '#comment') return undefined;
  const rawChildren = (entry[name] as Ordered[]) ?? [];
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((entry[':@'] as Record<string, unknown>) ?? {})) attrs[k] = String(v);
  const children = rawChildren.map(toNode).filter((n): n is XmlNode => n !== undefined);
  const text = rawChildren
    .filter((c) => '#text' in c)
    .map((c) => String(c['#text']))
    .join('')
    .trim();
  return { name, attrs, children, text };
}

function parseManifest(xml: string): XmlNode {
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
  });
  const doc = parser.parse(xml) as Ordered[];
  const root = doc.map(toNode).find((n) => n !== undefined);
  if (!root) throw new Error('manifest.xml has no root element');
  return root;
}

function all(node: XmlNode): XmlNode[] {
  return [node, ...node.children.flatMap(all)];
}

function child(node: XmlNode, name: string): XmlNode {
  const found = node.children.find((c) => c.name === name);
  if (!found) throw new Error(`<${node.name}> has no <${name}>`);
  return found;
}

function at(node: XmlNode, ...names: string[]): XmlNode {
  return names.reduce(child, node);
}

/**
 * Checks an XSD xs:sequence: children appear in this order, only these names, required ones present.
 * `order` entries ending in '?' are optional, '*' repeatable and optional, '+' repeatable and required.
 */
function expectSequence(node: XmlNode, order: string[]): void {
  const spec = order.map((s) => ({ name: s.replace(/[?*+]$/, ''), optional: /[?*]$/.test(s), many: /[*+]$/.test(s) }));
  const names = node.children.map((c) => c.name);
  let i = 0;
  for (const { name, optional, many } of spec) {
    let count = 0;
    while (i < names.length && names[i] === name) {
      i++;
      count++;
    }
    if (!optional && count === 0) throw new Error(`<${node.name}>: missing or misplaced <${name}> (children: ${names.join(', ')})`);
    if (!many && count > 1) throw new Error(`<${node.name}>: <${name}> may appear once`);
  }
  if (i < names.length) throw new Error(`<${node.name}>: unexpected or misplaced <${names[i]}> (children: ${names.join(', ')})`);
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (buf.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file}: first chunk is not IHDR`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Where a dev-server URL's file comes from: a page webpack emits, or a file copied from the repo. */
interface BuildOutputs {
  pages: Set<string>;
  copied: { from: string; to: string }[];
}

function buildOutputs(): BuildOutputs {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's configuration is CommonJS, loaded as webpack loads it
  const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: unknown, argv: { mode: string }) => { output: { path: string }; plugins: object[] };
  const config = makeConfig({}, { mode: 'production' });
  expect(path.relative(ROOT, config.output.path)).toBe(path.join('dist', 'web'));
  const pages = new Set<string>();
  const copied: { from: string; to: string }[] = [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin classes the configuration instantiated, to recognise them
  const HtmlWebpackPlugin = require('html-webpack-plugin') as new (...args: never[]) => object;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- as above
  const CopyWebpackPlugin = require('copy-webpack-plugin') as new (...args: never[]) => object;
  for (const plugin of config.plugins) {
    if (plugin instanceof HtmlWebpackPlugin) {
      pages.add((plugin as { userOptions: { filename?: string } }).userOptions.filename ?? 'index.html');
    }
    if (plugin instanceof CopyWebpackPlugin) {
      for (const { from, to } of (plugin as { patterns: { from: string; to?: string }[] }).patterns) {
        copied.push({ from, to: to ?? from });
      }
    }
  }
  return { pages, copied };
}

/** The repo file served at `pathname` through a copy pattern, if any. */
function copiedSource(outputs: BuildOutputs, pathname: string): string | undefined {
  const rel = pathname.replace(/^\//, '');
  for (const { from, to } of outputs.copied) {
    if (rel === to) return path.join(ROOT, from);
    if (rel.startsWith(`${to}/`)) return path.join(ROOT, from, rel.slice(to.length + 1));
  }
  return undefined;
}

const xml = fs.readFileSync(MANIFEST_PATH, 'utf8');
const app = parseManifest(xml);
const nodes = all(app);
const overrides = child(app, 'VersionOverrides');
const resources = child(overrides, 'Resources');
const formFactor = at(overrides, 'Hosts', 'Host', 'DesktopFormFactor');

function resourceMap(group: string): Map<string, string> {
  const node = resources.children.find((c) => c.name === group);
  return new Map((node?.children ?? []).map((c) => [c.attrs.id, c.attrs.DefaultValue]));
}

const images = resourceMap('bt:Images');
const urls = resourceMap('bt:Urls');
const shortStrings = resourceMap('bt:ShortStrings');
const longStrings = resourceMap('bt:LongStrings');

describe('manifest.xml identity', () => {
  test('is a task-pane add-in in the 1.1 manifest schema', () => {
    expect(app.name).toBe('OfficeApp');
    expect(app.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(app.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(overrides.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(overrides.attrs['xsi:type']).toBe('VersionOverridesV1_0');
  });

  test('Id is the permanent GUID', () => {
    const id = child(app, 'Id').text;
    expect(id).toMatch(GUID);
    expect(id).toBe(ADDIN_ID);
  });

  test('version, provider, locale, names', () => {
    expect(child(app, 'Version').text).toBe('0.1.0.0');
    expect(child(app, 'ProviderName').text).toBe('Tierwise');
    expect(child(app, 'DefaultLocale').text).toBe('en-US');
    expect(child(app, 'DisplayName').attrs.DefaultValue).toBe('Tierwise');
    expect(child(app, 'Description').attrs.DefaultValue.length).toBeGreaterThan(0);
  });

  test('Excel only, read/write document, ExcelApi 1.4 as the only requirement', () => {
    expect(child(app, 'Hosts').children.map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(child(app, 'Permissions').text).toBe('ReadWriteDocument');
    const sets = at(app, 'Requirements', 'Sets');
    expect(sets.attrs.DefaultMinVersion).toBe('1.1');
    expect(sets.children.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.4']]);
    expect(overrides.children.map((c) => c.name)).not.toContain('Requirements');
    expect(at(overrides, 'Hosts').children.map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
  });
});

describe('manifest.xml structure follows the XSD sequences', () => {
  test('OfficeApp (TaskPaneApp)', () => {
    expectSequence(app, [
      'Id',
      'AlternateId?',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl?',
      'HighResolutionIconUrl?',
      'SupportUrl?',
      'AppDomains?',
      'Hosts?',
      'Requirements?',
      'DefaultSettings',
      'Permissions',
      'Dictionary?',
      'VersionOverrides?',
    ]);
    expectSequence(child(app, 'DefaultSettings'), ['SourceLocation']);
  });

  test('VersionOverrides, form factor, resources', () => {
    expectSequence(overrides, ['Description?', 'Requirements?', 'Hosts?', 'Resources?', 'WebApplicationInfo?', 'EquivalentAddins?']);
    expectSequence(formFactor, ['GetStarted?', 'FunctionFile?', 'ExtensionPoint+']);
    expectSequence(child(formFactor, 'GetStarted'), ['Title', 'Description', 'LearnMoreUrl']);
    expectSequence(resources, ['bt:Images?', 'bt:Urls?', 'bt:ShortStrings?', 'bt:LongStrings?']);
  });

  test('Home tab group with the two buttons', () => {
    const point = child(formFactor, 'ExtensionPoint');
    expect(point.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const tab = child(point, 'OfficeTab');
    expect(tab.attrs.id).toBe('TabHome');
    const group = child(tab, 'Group');
    expectSequence(group, ['Label', 'Icon', 'Control+']);
    const controls = group.children.filter((c) => c.name === 'Control');
    for (const control of controls) {
      expect(control.attrs['xsi:type']).toBe('Button');
      expectSequence(control, ['Label', 'Supertip', 'Icon', 'Action']);
      expectSequence(child(control, 'Supertip'), ['Title', 'Description']);
    }
    const [open, runAgain] = controls;
    expect(shortStrings.get(child(open, 'Label').attrs.resid)).toBe('Tierwise');
    const openAction = child(open, 'Action');
    expect(openAction.attrs['xsi:type']).toBe('ShowTaskpane');
    expectSequence(openAction, ['TaskpaneId?', 'SourceLocation', 'Title?']);
    expect(shortStrings.get(child(runAgain, 'Label').attrs.resid)).toBe('Run again');
    const runAction = child(runAgain, 'Action');
    expect(runAction.attrs['xsi:type']).toBe('ExecuteFunction');
    expect(child(runAction, 'FunctionName').text).toBe('runAgain');
    expect(child(formFactor, 'FunctionFile').attrs.resid).toBeDefined();
  });

  test('control and group ids are unique', () => {
    const ids = nodes.filter((n) => n.name === 'Group' || n.name === 'Control').map((n) => n.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('manifest.xml resources', () => {
  test('every resid used resolves to a resource of the right kind, ids are unique and at most 32 chars', () => {
    const defined = [...images.keys(), ...urls.keys(), ...shortStrings.keys(), ...longStrings.keys()];
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of defined) expect(id.length).toBeLessThanOrEqual(32);

    // Resource kinds per the XSD: Description is a LongResourceReference everywhere, Label and Title short.
    const kindOf = (n: XmlNode): Map<string, string> => {
      if (n.name === 'bt:Image') return images;
      if (['FunctionFile', 'SourceLocation', 'LearnMoreUrl'].includes(n.name)) return urls;
      if (n.name === 'Description') return longStrings;
      return shortStrings;
    };
    const references = all(overrides).filter((n) => n.attrs.resid !== undefined);
    expect(references.length).toBeGreaterThan(10);
    const missing = references.filter((n) => !kindOf(n).has(n.attrs.resid)).map((n) => `<${n.name} resid="${n.attrs.resid}">`);
    expect(missing).toEqual([]);
  });

  test('string lengths fit the schema (short <= 125, long <= 250)', () => {
    for (const value of shortStrings.values()) expect(value.length).toBeLessThanOrEqual(125);
    for (const value of longStrings.values()) expect(value.length).toBeLessThanOrEqual(250);
    expect(child(app, 'DisplayName').attrs.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(app, 'Description').attrs.DefaultValue.length).toBeLessThanOrEqual(250);
  });
});

describe('manifest.xml URLs', () => {
  const outputs = buildOutputs();
  const allUrls = [...nodes.map((n) => n.attrs.DefaultValue).filter((v): v is string => v !== undefined && /^https?:/i.test(v)), ...nodes.filter((n) => n.name === 'AppDomain').map((n) => n.text)];

  test("office-addin-manifest, Microsoft's own reader, reads it as Tierwise's task pane add-in for workbooks", () => {
    expect(manifestInfo(MANIFEST_PATH)).toMatchObject({
      id: ADDIN_ID,
      version: '0.1.0.0',
      displayName: 'Tierwise',
      providerName: 'Tierwise',
      officeAppType: 'TaskPaneApp',
      hosts: ['Workbook'],
      permissions: 'ReadWriteDocument',
      appDomains: [ORIGIN],
      defaultSettings: { sourceLocation: `${ORIGIN}/taskpane.html` },
    });
  });

  test('every URL is on https://localhost:3000', () => {
    expect(allUrls.length).toBeGreaterThan(5);
    for (const url of allUrls) expect(new URL(url).origin).toBe(ORIGIN);
  });

  test('the pane and the function file are the pages webpack emits', () => {
    const pane = child(app, 'DefaultSettings').children[0].attrs.DefaultValue;
    expect(pane).toBe(`${ORIGIN}/taskpane.html`);
    const showPane = nodes.find((n) => n.name === 'Action' && n.attrs['xsi:type'] === 'ShowTaskpane');
    expect(urls.get(child(showPane!, 'SourceLocation').attrs.resid)).toBe(pane);
    expect(urls.get(child(formFactor, 'FunctionFile').attrs.resid)).toBe(`${ORIGIN}/commands.html`);
    expect(outputs.pages.has('taskpane.html')).toBe(true);
    expect(outputs.pages.has('commands.html')).toBe(true);
  });

  test('every URL resolves to a page webpack emits or a file it copies, and manifest.xml itself is copied', () => {
    expect(copiedSource(outputs, '/manifest.xml')).toBe(MANIFEST_PATH);
    for (const url of allUrls) {
      const { pathname } = new URL(url);
      if (pathname === '/' || pathname === '') continue; // AppDomain: the origin itself
      const page = pathname.replace(/^\//, '');
      if (outputs.pages.has(page)) continue;
      const source = copiedSource(outputs, pathname);
      expect({ url, served: source !== undefined && fs.existsSync(source) }).toEqual({ url, served: true });
    }
  });

  test('every icon exists in assets/ as a PNG of the size its name says', () => {
    const iconUrls = [child(app, 'IconUrl').attrs.DefaultValue, child(app, 'HighResolutionIconUrl').attrs.DefaultValue, ...images.values()];
    for (const url of iconUrls) {
      const { pathname } = new URL(url);
      const match = /^\/assets\/icon-(\d+)\.png$/.exec(pathname);
      expect({ url, named: match !== null }).toEqual({ url, named: true });
      const file = path.join(ROOT, 'assets', `icon-${match![1]}.png`);
      expect({ url, exists: fs.existsSync(file) }).toEqual({ url, exists: true });
      const size = Number(match![1]);
      expect({ url, ...pngSize(file) }).toEqual({ url, width: size, height: size });
    }
  });

  test('every <bt:Image size="N"> in an icon list points at an N x N image, and 16/32/80 are all there', () => {
    for (const icon of nodes.filter((n) => n.name === 'Icon')) {
      const sizes = icon.children.map((img) => Number(img.attrs.size));
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
      for (const img of icon.children) {
        const url = images.get(img.attrs.resid);
        expect(url).toBeDefined();
        const file = path.join(ROOT, new URL(url!).pathname);
        expect(pngSize(file)).toEqual({ width: Number(img.attrs.size), height: Number(img.attrs.size) });
      }
    }
  });
});
