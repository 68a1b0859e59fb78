// A throwaway PostgreSQL server for tests: initdb in a temporary folder, a unix socket in that folder
// and no TCP at all (listen_addresses=''), stopped and removed by stop(). Tests call stop() in afterAll,
// so the server goes away even when a test fails.
//
// initdb refuses to run as root, and CI runs as root: then every server command runs as the `postgres`
// user (Debian's package creates it) through runuser, in a folder handed over to that user. The test
// process itself stays root and connects through the socket (trust authentication, local only).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, types } from 'pg';

// A DATE comes back as the text the server wrote (2017-03-05), not as a JS Date in the local time zone.
types.setTypeParser(1082, (v: string) => v);

/** The folder holding initdb and pg_ctl: on PATH (here), else Debian's /usr/lib/postgresql/<version>/bin (CI). */
export function postgresBin(): string | undefined {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath !== '') return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(root, versions[0], 'bin') : undefined;
}

export interface PostgresServer {
  /** A new connected client (the caller ends it). */
  connect(): Promise<Client>;
  /** Stops the server and removes its folder; safe to call twice. */
  stop(): void;
}

export function startPostgres(): PostgresServer {
  const bin = postgresBin();
  if (bin === undefined) throw new Error('PostgreSQL is not installed: no initdb on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql)');
  const dir = mkdtempSync(join(tmpdir(), 'tierwise-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (tool: string, args: string[]) => {
    const [cmd, all] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, tool), ...args]] : [join(bin, tool), args];
    const r = spawnSync(cmd, all, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) throw new Error(`${tool} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // pg_ctl hands -o to a shell: the folder comes from mkdtemp (no spaces, no quotes).
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-c listen_addresses='' -k ${dir} -c fsync=off -c full_page_writes=off`, 'start']);
  } catch (e) {
    stop();
    throw e;
  }
  return {
    connect: async () => {
      const client = new Client({ host: dir, user: 'postgres', database: 'postgres' });
      await client.connect();
      return client;
    },
    stop,
  };
}
