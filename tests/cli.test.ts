import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
function yuqing(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env, YUQING_LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('yuqing CLI', () => {
  it('lists its commands with --help and exits 0', () => {
    const r = yuqing(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['start', 'migrate', 'crawl', 'analyze']) expect(r.out).toContain(name);
  });

  it('explains each command with --help', () => {
    const r = yuqing(['crawl', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--once');
  });

  it('rejects an unknown command, an unknown flag and a missing --once with exit 2', () => {
    expect(yuqing(['bogus']).code).toBe(2);
    const flag = yuqing(['migrate', '--bogus']);
    expect(flag.code).toBe(2);
    expect(flag.err).toMatch(/bogus/);
    const once = yuqing(['analyze']);
    expect(once.code).toBe(2);
    expect(once.err).toContain('--once');
  });

  it('names the models it can train and rejects others', () => {
    expect(yuqing(['train']).code).toBe(2);
    const bad = yuqing(['train', 'horoscope']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('sentiment');
  });

  it('lists every configuration problem at once and exits 78', () => {
    const r = yuqing(['migrate'], { PORT: 'abc', YUQING_DEMO: 'maybe' });
    expect(r.code).toBe(78);
    expect(r.err).toContain('PORT');
    expect(r.err).toContain('YUQING_DEMO');
  });
});
