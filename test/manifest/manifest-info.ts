// office-addin-manifest's reading of a manifest (Microsoft's own parser, offline), through
// scripts/manifest-info.js in a child Node: the package loads ES modules that jest cannot.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface ManifestInfo {
  id?: string;
  version?: string;
  displayName?: string;
  providerName?: string;
  officeAppType?: string;
  hosts?: string[];
  permissions?: string;
  appDomains?: string[];
  defaultSettings?: { sourceLocation?: string };
  iconUrl?: string;
  highResolutionIconUrl?: string;
  supportUrl?: string;
}

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'manifest-info.js');

export function manifestInfo(file: string): ManifestInfo {
  return JSON.parse(execFileSync(process.execPath, [SCRIPT, file], { encoding: 'utf8' })) as ManifestInfo;
}
