/*
 * Builds the Office add-in web part into dist/web (dist/cli is the compiled command line; never touch it).
 *
 *   npm run build          production build, content-hashed bundles; with TIERWISE_URL=https://host/path
 *                          dist/web/manifest.xml points at that address instead of https://localhost:3000
 *                          (scripts/manifest-url.js) and the bundle is served from its path
 *   npm start              dev server on http://localhost:3000 (browser playground)
 *   npm run start:https    (or TIERWISE_HTTPS=1 npm start) the same on https://localhost:3000 with a
 *                          certificate from office-addin-dev-certs, trusted by the OS, which Office needs
 *                          for sideloading (scripts/dev-certs.js: a clear message where it cannot install one)
 *
 * The only script loaded from outside the bundle is office.js. The production build references it on the
 * Office CDN (required for add-ins in Microsoft's store); the dev server serves the same path,
 * /lib/1/hosted/office.js, from the @microsoft/office-js package, so `npm start` works offline and the
 * page boots the real office.js (TIERWISE_OFFICE_JS=cdn npm start keeps the CDN). The browser tests
 * route the CDN URL to the same package files. Everything else (React, Fluent UI, our code) is bundled;
 * nothing is fetched at run time.
 */
'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { productionBase, productionManifest, publicPathOf } = require('./scripts/manifest-url');
const { httpsServer } = require('./scripts/dev-certs');

const OUT_DIR = path.resolve(__dirname, 'dist/web');
const DEV_PORT = 3000;
/** Where Microsoft hosts office.js; the @microsoft/office-js package's dist/ holds the same files. */
const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_JS_PATH = new URL(OFFICE_JS_CDN).pathname;
const OFFICE_JS_DIR = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');

const HELP_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Tierwise help</title></head>
<body style="font-family: 'Segoe UI', system-ui, sans-serif; max-width: 40em; margin: 2em auto; padding: 0 1em">
<h1>Tierwise</h1>
<p>Tierwise segments the customers of an Excel workbook: ABC tiers, profit bands, loyalty, activity, profiles and RFM.</p>
<p>Open it from <b>Home &gt; Tierwise</b>. <b>Run again</b> repeats the segmentation saved in the workbook.</p>
</body>
</html>
`;

/** @returns {import('webpack').Configuration} */
module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const https = process.env.TIERWISE_HTTPS === '1' || Boolean(env.https);
  // Where the production add-in is served from; undefined keeps the dev manifest (localhost).
  const prodBase = production && process.env.TIERWISE_URL ? productionBase(process.env.TIERWISE_URL) : undefined;
  // The dev server serves office.js itself, at the CDN's path on its own origin.
  const officeJs = production || process.env.TIERWISE_OFFICE_JS === 'cdn' ? OFFICE_JS_CDN : OFFICE_JS_PATH;

  const config = {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      dialog: './src/commands/dialog.ts',
    },
    output: {
      path: OUT_DIR,
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: prodBase ? publicPathOf(prodBase) : '/',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
    },
    // webpack's default budget (244 KiB) is meant for a first visit over a mobile network. A task pane
    // is loaded by Excel on a desktop or in Excel on the web, once per session and then from the cache;
    // React with Fluent UI v9 is most of the pane (about 800 of its 900 KiB minified, 250 KiB
    // compressed). This budget warns when the pane grows beyond what it is now (docs/taskpane.md). The
    // playground's sample CSV is fetched only outside Office, and source maps only by a debugger.
    performance: {
      hints: production ? 'warning' : false,
      maxEntrypointSize: 1_000_000,
      maxAssetSize: 1_000_000,
      assetFilter: (file) => /\.js$/.test(file),
    },
    module: {
      rules: [
        // The playground's sample: a file of the site, fetched by the engine worker when the page
        // runs outside Office (never inside Excel, never from another origin).
        {
          test: /superstore\.csv$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name].[contenthash:8][ext]' },
        },
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                transform: { react: { runtime: 'automatic', development: !production } },
                target: 'es2020',
              },
            },
          },
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
        officeJs,
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
        officeJs,
      }),
      // Run again's outcome (opened by commands.ts with displayDialogAsync).
      new HtmlWebpackPlugin({
        filename: 'run-again.html',
        template: './src/commands/run-again.html',
        chunks: ['dialog'],
        officeJs,
      }),
      // Target of the manifest's SupportUrl and GetStarted LearnMoreUrl: static, no script.
      new HtmlWebpackPlugin({
        filename: 'help.html',
        templateContent: HELP_PAGE,
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          prodBase ? { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => productionManifest(content.toString('utf8'), prodBase) } : { from: 'manifest.xml', to: 'manifest.xml' },
        ],
      }),
    ],
    devServer: {
      port: DEV_PORT,
      server: https ? 'https' : 'http',
      headers: { 'Access-Control-Allow-Origin': '*' },
      // The compilation (output.path = dist/web, including the copied assets/ and manifest.xml) is served
      // from memory by webpack-dev-middleware; the only static directory is office.js's own package, at
      // the CDN's path (office.js loads its host-specific files from beside itself).
      static: [{ directory: OFFICE_JS_DIR, publicPath: path.posix.dirname(OFFICE_JS_PATH), watch: false }],
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
  // Only a running dev server needs the certificate (it may ask for permission to install it).
  if (https && env.WEBPACK_SERVE) return httpsServer(require('office-addin-dev-certs')).then((server) => ({ ...config, devServer: { ...config.devServer, server } }));
  return config;
};
