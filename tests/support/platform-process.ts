import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';

const root = new URL('../..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface PlatformProcess {
  child: ChildProcess;
  url: string;
  /** Every stdout line so far (pino JSON lines and the banner). */
  lines: string[];
  waitForLine: (test: (line: string) => boolean, timeoutMs?: number) => Promise<string>;
  stop: () => Promise<number | null>;
}

/** Starts `yuqing start` as a user would, in its own process, and waits for its URL. */
export async function startPlatform(env: Record<string, string>): Promise<PlatformProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'start'], {
    cwd: root,
    // Scheduled reports have their own test (tests/report.store.test.ts); here they would only
    // start Chromium beside the platform under test.
    env: { ...process.env, YUQING_LOG_LEVEL: 'info', YUQING_REPORTS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters) w();
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const waitForLine = (test: (line: string) => boolean, timeoutMs = 120_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const found = lines.find(test);
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out waiting for a line; stderr:\n${stderr.slice(-2000)}\nstdout:\n${lines.slice(-20).join('\n')}`,
          ),
        );
      }, timeoutMs);
      const onExit = () => {
        cleanup();
        reject(new Error(`platform exited early; stderr:\n${stderr.slice(-3000)}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
        child.off('exit', onExit);
      };
      waiters.add(check);
      child.once('exit', onExit);
      check();
    });

  const banner = await waitForLine((l) => l.includes('is running: http'));
  const url = (/(http:\/\/\S+)/.exec(banner) as RegExpExecArray)[1] as string;
  return {
    child,
    url,
    lines,
    waitForLine,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
