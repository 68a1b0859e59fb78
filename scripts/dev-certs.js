/*
 * The https certificate for `npm start` with https (Office sideloads add-ins only from https with a
 * certificate the operating system trusts): office-addin-dev-certs creates a development CA and a
 * localhost certificate in ~/.office-addin-dev-certs and installs the CA in the OS's trust store (it asks
 * for permission: an administrator prompt on Windows, the keychain password on macOS, sudo on Linux).
 * Where that cannot be done, the server still starts with webpack-dev-server's own self-signed
 * certificate, and this says plainly what that means and what to do.
 */
'use strict';

/** What the user reads when no trusted certificate could be installed. */
function cannotInstallMessage(error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return [
    'Tierwise: could not install a development certificate that the operating system trusts',
    `(office-addin-dev-certs: ${reason}).`,
    'The server starts with a self-signed certificate: browsers warn about it, and Excel will not load the',
    'add-in from it. Install the certificate yourself with `node node_modules/office-addin-dev-certs/cli.js install` (it asks for',
    'administrator rights), then run `npm run start:https` again. See docs/taskpane.md, "Sideloading".',
  ].join('\n');
}

/**
 * webpack-dev-server's `server` option: https with office-addin-dev-certs' certificate, or plain https
 * (self-signed) and a message on `log` when it cannot be had. `devCerts` is the office-addin-dev-certs
 * module (a parameter, so the failure is tested without touching the machine's trust store).
 */
async function httpsServer(devCerts, log = console.warn) {
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca, key, cert } };
  } catch (error) {
    log(cannotInstallMessage(error));
    return { type: 'https' };
  }
}

module.exports = { cannotInstallMessage, httpsServer };
