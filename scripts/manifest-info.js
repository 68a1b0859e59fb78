#!/usr/bin/env node
/*
 * Prints what office-addin-manifest (Microsoft's own manifest reader, offline) reads from a manifest, as
 * JSON: `node scripts/manifest-info.js manifest.xml`. The manifest tests run it in a child process
 * because the package loads ES modules that jest's CommonJS runtime cannot, while Node itself can.
 */
'use strict';

const { OfficeAddinManifest } = require('office-addin-manifest');

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/manifest-info.js <manifest.xml>');
  process.exit(2);
}
OfficeAddinManifest.readManifestFile(file).then(
  (info) => process.stdout.write(`${JSON.stringify(info, null, 2)}\n`),
  (error) => {
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
