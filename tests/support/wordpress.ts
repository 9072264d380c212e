import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { tempDir } from './temp-dir.ts';

/**
 * A private WordPress from Debian's packages on loopback: its own MariaDB (own data directory,
 * unix socket and a random 127.0.0.1 port, run as root) and `php -S` serving a hard-linked copy of
 * /usr/share/wordpress with its own wp-config.php. Debian's packages: wordpress, mariadb-server,
 * php-cli, php-mysql (`.ci/run` installs them).
 */

const run = promisify(execFile);

const WORDPRESS_DIR = '/usr/share/wordpress';
const MARIADBD = ['/usr/sbin/mariadbd', '/usr/sbin/mysqld'];
const REQUIRED = [
  ['mariadb-install-db', '/usr/bin/mariadb-install-db'],
  ['mariadb client', '/usr/bin/mariadb'],
  ['php', '/usr/bin/php'],
  ['wordpress', `${WORDPRESS_DIR}/wp-settings.php`],
] as const;

/** What is missing for a WordPress here, or null when everything is installed. */
export function wordpressMissing(): string | null {
  const missing: string[] = REQUIRED.filter(([, file]) => !existsSync(file)).map(
    ([name, file]) => `${name} (${file})`,
  );
  if (!MARIADBD.some((f) => existsSync(f))) missing.push(`mariadbd (${MARIADBD.join(' or ')})`);
  return missing.length === 0
    ? null
    : `WordPress test needs Debian packages wordpress, mariadb-server, php-cli, php-mysql; missing: ${missing.join(', ')}`;
}

export interface WordPressServer {
  baseUrl: string;
  username: string;
  applicationPassword: string;
  /** Runs SQL as root over the unix socket; tab-separated rows without headers. */
  sql(statement: string): Promise<string>;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForPort(
  port: number,
  child: ChildProcess,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} while starting`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not listen on 127.0.0.1:${port} within ${timeoutMs} ms`);
}

function stop(child: ChildProcess, timeoutMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

const php = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Starts MariaDB and WordPress, installs the site and an application password (~15 s). */
export async function startWordPress(): Promise<WordPressServer> {
  const missing = wordpressMissing();
  if (missing) throw new Error(missing);
  const tmp = tempDir('wordpress');
  const children: ChildProcess[] = [];
  const killAll = () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  };
  process.once('exit', killAll);
  const cleanup = async () => {
    for (const c of children.reverse()) await stop(c);
    process.removeListener('exit', killAll);
    tmp.cleanup();
  };
  try {
    const dataDir = path.join(tmp.dir, 'db');
    const socket = path.join(tmp.dir, 'mysqld.sock');
    // As root (CI), MariaDB must be told to run as root and lets root in over the socket by OS
    // user; as anyone else it runs as that user and root has no password on the private socket.
    const asRoot = process.getuid?.() === 0;
    const userArgs = asRoot ? ['--user=root'] : [];
    await run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${dataDir}`,
      ...userArgs,
      `--auth-root-authentication-method=${asRoot ? 'socket' : 'normal'}`,
      '--skip-test-db',
      '--skip-name-resolve',
    ]);
    const dbPort = await freePort();
    const mariadbd = MARIADBD.find((f) => existsSync(f)) as string;
    const db = spawn(
      mariadbd,
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        ...userArgs,
        `--socket=${socket}`,
        `--port=${dbPort}`,
        '--bind-address=127.0.0.1',
        '--skip-name-resolve',
        '--innodb-buffer-pool-size=32M',
        '--skip-log-bin',
        `--pid-file=${path.join(tmp.dir, 'mysqld.pid')}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    children.push(db);
    let dbLog = '';
    db.stderr?.on('data', (c: Buffer) => {
      dbLog = (dbLog + c.toString()).slice(-4000);
    });
    await waitForPort(dbPort, db, 'mariadbd', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${dbLog}`);
    });
    const sql = async (statement: string) =>
      (await run('mariadb', ['--no-defaults', '-uroot', `--socket=${socket}`, '-N', '-B', '-e', statement]))
        .stdout;

    const dbPassword = randomBytes(12).toString('hex');
    await sql(
      `CREATE DATABASE wordpress CHARACTER SET utf8mb4; CREATE USER 'wp'@'127.0.0.1' IDENTIFIED BY '${dbPassword}'; GRANT ALL ON wordpress.* TO 'wp'@'127.0.0.1';`,
    );

    const site = path.join(tmp.dir, 'site');
    // Hard links are instant and keep __DIR__ inside the copy (symlinks would resolve back to
    // /usr/share/wordpress and its Debian config); another file system needs a real copy.
    await run('cp', ['-al', WORDPRESS_DIR, site]).catch(() => run('cp', ['-a', WORDPRESS_DIR, site]));
    await run('rm', ['-f', path.join(site, 'wp-config.php')]);
    const webPort = await freePort();
    const baseUrl = `http://127.0.0.1:${webPort}`;
    const keys = [
      'AUTH_KEY',
      'SECURE_AUTH_KEY',
      'LOGGED_IN_KEY',
      'NONCE_KEY',
      'AUTH_SALT',
      'SECURE_AUTH_SALT',
    ]
      .concat(['LOGGED_IN_SALT', 'NONCE_SALT'])
      .map((k) => `define('${k}', '${randomBytes(24).toString('hex')}');`)
      .join('\n');
    writeFileSync(
      path.join(site, 'wp-config.php'),
      `<?php
define('DB_NAME', 'wordpress');
define('DB_USER', 'wp');
define('DB_PASSWORD', ${php(dbPassword)});
define('DB_HOST', '127.0.0.1:${dbPort}');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
${keys}
// Application passwords over plain HTTP are allowed for a local environment only.
define('WP_ENVIRONMENT_TYPE', 'local');
define('WP_HOME', ${php(baseUrl)});
define('WP_SITEURL', ${php(baseUrl)});
define('AUTOMATIC_UPDATER_DISABLED', true);
define('DISABLE_WP_CRON', true);
define('WP_HTTP_BLOCK_EXTERNAL', true);
$table_prefix = 'wp_';
if (!defined('ABSPATH')) define('ABSPATH', __DIR__ . '/');
require_once ABSPATH . 'wp-settings.php';
`,
    );
    const username = 'portal-editor';
    writeFileSync(
      path.join(tmp.dir, 'install.php'),
      `<?php
define('WP_INSTALLING', true);
$_SERVER['HTTP_HOST'] = '127.0.0.1:${webPort}';
// No mail on this machine: the pluggable wp_mail is defined first, so WordPress keeps ours.
function wp_mail() { return true; }
require ${php(path.join(site, 'wp-load.php'))};
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('yuqing test portal', ${php(username)}, 'editor@example.test', false, '', ${php(randomBytes(12).toString('hex'))});
update_option('permalink_structure', '/%postname%/');
$app = WP_Application_Passwords::create_new_application_password($result['user_id'], array('name' => 'yuqing'));
if (is_wp_error($app)) { fwrite(STDERR, $app->get_error_message()); exit(1); }
echo json_encode(array('password' => $app[0]));
`,
    );
    const installed = await run('php', [path.join(tmp.dir, 'install.php')]);
    const { password } = JSON.parse(installed.stdout.slice(installed.stdout.indexOf('{'))) as {
      password: string;
    };

    // php -S has no rewrite rules: anything that is not a file goes to index.php (pretty permalinks).
    writeFileSync(
      path.join(tmp.dir, 'router.php'),
      `<?php
$path = parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
$file = ${php(site)} . $path;
if ($path !== '/' && is_file($file)) return false;
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = ${php(path.join(site, 'index.php'))};
require ${php(path.join(site, 'index.php'))};
`,
    );
    const web = spawn('php', ['-S', `127.0.0.1:${webPort}`, '-t', site, path.join(tmp.dir, 'router.php')], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    children.push(web);
    await waitForPort(webPort, web, 'php -S', 15_000);
    return { baseUrl, username, applicationPassword: password, sql, close: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
