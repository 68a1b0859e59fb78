// `TIERWISE_URL=https://tiers.example.com npm run build`: dist/web/manifest.xml with every localhost URL
// replaced, as read by webpack's copy step (the same transform the build runs), checked with
// office-addin-manifest's own parser (offline). And the dev server's certificate step, without touching
// the machine's trust store.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { manifestInfo } from './manifest-info';

const ROOT = path.resolve(__dirname, '..', '..');
const MANIFEST = path.join(ROOT, 'manifest.xml');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS shared with webpack.config.js
const { productionBase, productionManifest, publicPathOf } = require('../../scripts/manifest-url') as {
  productionBase(text: string): string;
  productionManifest(xml: string, base: string): string;
  publicPathOf(base: string): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports -- plain CommonJS shared with webpack.config.js
const { httpsServer } = require('../../scripts/dev-certs') as {
  httpsServer(devCerts: { getHttpsServerOptions(): Promise<{ ca: Buffer; key: Buffer; cert: Buffer }> }, log: (m: string) => void): Promise<{ type: string; options?: object }>;
};

type Config = { output: { publicPath: string }; plugins: object[] };
// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack's own configuration file
const makeConfig = require(path.join(ROOT, 'webpack.config.js')) as (env: object, argv: { mode: string }) => Config;

/** The production build's configuration with TIERWISE_URL set to `url`. */
function configWith(url: string | undefined): Config {
  const before = process.env.TIERWISE_URL;
  if (url === undefined) delete process.env.TIERWISE_URL;
  else process.env.TIERWISE_URL = url;
  try {
    return makeConfig({}, { mode: 'production' });
  } finally {
    if (before === undefined) delete process.env.TIERWISE_URL;
    else process.env.TIERWISE_URL = before;
  }
}

/** What the build writes to dist/web/manifest.xml: the copy pattern's transform on manifest.xml. */
function emittedManifest(config: Config): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the plugin class, to find its instance
  const CopyWebpackPlugin = require('copy-webpack-plugin') as new (...args: never[]) => object;
  const copy = config.plugins.find((p) => p instanceof CopyWebpackPlugin) as { patterns: { from: string; transform?: (c: Buffer, p: string) => string | Buffer }[] };
  const pattern = copy.patterns.find((p) => p.from === 'manifest.xml');
  if (!pattern) throw new Error('manifest.xml is not copied');
  const content = fs.readFileSync(MANIFEST);
  return String(pattern.transform ? pattern.transform(content, MANIFEST) : content);
}

const urlsIn = (xml: string) =>
  [...xml.replace(/<!--[\s\S]*?-->/g, '').matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('http://schemas.microsoft.com/') && !u.startsWith('http://www.w3.org/'));

describe('the production manifest', () => {
  it('has every localhost URL replaced by TIERWISE_URL, and office-addin-manifest reads it as the same add-in', () => {
    const dev = fs.readFileSync(MANIFEST, 'utf8');
    const prod = emittedManifest(configWith('https://tiers.example.com'));
    expect(prod).not.toMatch(/localhost/i);
    const urls = urlsIn(prod);
    expect(urls.length).toBe(urlsIn(dev).length);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url.startsWith('https://tiers.example.com')).toBe(true);
    expect(prod).toContain('<SourceLocation DefaultValue="https://tiers.example.com/taskpane.html"/>');
    expect(prod).toContain('<AppDomain>https://tiers.example.com</AppDomain>');
    // Same text otherwise: only the origin changed.
    expect(prod.split('https://tiers.example.com').join('https://localhost:3000')).toBe(dev);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tierwise-manifest-')), 'manifest.xml');
    fs.writeFileSync(file, prod);
    const info = manifestInfo(file);
    expect(info.id).toBe(manifestInfo(MANIFEST).id);
    expect(info.defaultSettings?.sourceLocation).toBe('https://tiers.example.com/taskpane.html');
    expect(info.appDomains).toEqual(['https://tiers.example.com']);
    expect(info.iconUrl).toBe('https://tiers.example.com/assets/icon-32.png');
  });

  it('keeps a path, and serves the bundle from it', () => {
    const config = configWith('https://example.org/apps/tierwise/');
    expect(config.output.publicPath).toBe('/apps/tierwise/');
    expect(emittedManifest(config)).toContain('DefaultValue="https://example.org/apps/tierwise/commands.html"');
    expect(configWith(undefined).output.publicPath).toBe('/');
    expect(publicPathOf('https://a.example')).toBe('/');
  });

  it('without TIERWISE_URL the build copies the dev manifest as it is', () => {
    expect(emittedManifest(configWith(undefined))).toBe(fs.readFileSync(MANIFEST, 'utf8'));
  });

  it('refuses, with what to write, an address Office would not load the add-in from', () => {
    expect(productionBase(' https://tiers.example.com/ ')).toBe('https://tiers.example.com');
    expect(() => configWith('http://tiers.example.com')).toThrow('must start with https://');
    expect(() => productionBase('tiers.example.com')).toThrow('is not a URL');
    expect(() => productionBase('https://tiers.example.com/?x=1')).toThrow('query');
    expect(() => productionBase('https://user:pw@tiers.example.com')).toThrow('user name');
    expect(() => productionBase('https://localhost:8443')).toThrow('local address');
    expect(() => productionManifest('<a href="https://localhost:4000/x"/>', 'https://tiers.example.com')).toThrow('localhost');
  });
});

describe("the dev server's certificate", () => {
  const pem = (s: string) => Buffer.from(s);

  it('is the one office-addin-dev-certs installs, when it can', async () => {
    const log: string[] = [];
    const server = await httpsServer({ getHttpsServerOptions: async () => ({ ca: pem('ca'), key: pem('key'), cert: pem('cert') }) }, (m) => log.push(m));
    expect(server).toEqual({ type: 'https', options: { ca: pem('ca'), key: pem('key'), cert: pem('cert') } });
    expect(log).toEqual([]);
  });

  it('falls back to a self-signed certificate with a clear message when none can be installed', async () => {
    const log: string[] = [];
    const server = await httpsServer(
      {
        getHttpsServerOptions: async () => {
          throw new Error('Unable to install the CA certificate. Command failed: sudo: not found');
        },
      },
      (m) => log.push(m),
    );
    expect(server).toEqual({ type: 'https' });
    expect(log).toHaveLength(1);
    expect(log[0]).toContain('could not install a development certificate that the operating system trusts');
    expect(log[0]).toContain('sudo: not found');
    expect(log[0]).toContain('Excel will not load the');
    expect(log[0]).toContain('node node_modules/office-addin-dev-certs/cli.js install');
  });
});
