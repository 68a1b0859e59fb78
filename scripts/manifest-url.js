/*
 * The production manifest: manifest.xml points every URL at the dev server (https://localhost:3000);
 * `TIERWISE_URL=https://tiers.example.com npm run build` writes dist/web/manifest.xml with that origin
 * (and path, if any) instead, as Microsoft's Yeoman template does for its production build. Used by
 * webpack.config.js; pure, so test/manifest/production-url.test.ts checks it without a build.
 */
'use strict';

/** The origin every URL of manifest.xml starts with. */
const DEV_ORIGIN = 'https://localhost:3000';

/**
 * TIERWISE_URL as the base the manifest's URLs get: https only (Office loads add-ins over https), no
 * query or fragment, no trailing slash. Throws with what to write instead: a wrong URL must stop the
 * build, not ship a manifest Office refuses.
 */
function productionBase(text) {
  let url;
  try {
    url = new URL(String(text).trim());
  } catch {
    throw new Error(`TIERWISE_URL is not a URL: "${text}". Write the https address the add-in is served from, e.g. TIERWISE_URL=https://tiers.example.com`);
  }
  if (url.protocol !== 'https:') throw new Error(`TIERWISE_URL must start with https:// (Office loads add-ins only over https): "${text}"`);
  if (url.search || url.hash) throw new Error(`TIERWISE_URL must not have a query or a fragment: "${text}"`);
  if (url.username || url.password) throw new Error(`TIERWISE_URL must not hold a user name or password: "${text}"`);
  if (/^(localhost|127\.|\[::1\])/.test(url.hostname)) throw new Error(`TIERWISE_URL is a local address: "${text}" (leave TIERWISE_URL unset to keep the dev manifest)`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** manifest.xml with every https://localhost:3000 replaced by the production base. */
function productionManifest(xml, base) {
  const out = xml.split(DEV_ORIGIN).join(base);
  if (/localhost/i.test(out)) throw new Error('manifest.xml names localhost other than as https://localhost:3000: fix manifest.xml');
  return out;
}

/** The public path of the bundle for a production base: its path, with a trailing slash. */
function publicPathOf(base) {
  return `${new URL(base).pathname.replace(/\/+$/, '')}/`;
}

module.exports = { DEV_ORIGIN, productionBase, productionManifest, publicPathOf };
