/**
 * `yuqing analyze --input --output` as a user runs it. Fixture story: a complaint about unpaid
 * wages in 深圳 (published second), a reprint of it published later, a neutral notice published
 * first, one line that is not JSON and one without content.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.ts';

const root = new URL('..', import.meta.url).pathname;
const COMPLAINT =
  '深圳市宝安区一家电子厂拖欠三百多名工人工资长达半年，工人多次向劳动监察部门投诉无果，今天上午数十名工人聚集在工厂门口拉横幅讨薪，场面一度混乱，希望有关部门尽快介入处理。';

function analyze(args: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'analyze', ...args, '--workers', '1'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
}

const readLines = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('yuqing analyze --input --output', () => {
  const tmp = tempDir('analyze-file');
  afterAll(tmp.cleanup);
  const input = path.join(tmp.dir, 'docs.jsonl');

  it('writes one analysis per good line, in publish order, and reports bad lines by number', () => {
    const output = path.join(tmp.dir, 'out.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({
          id: 'wages',
          title: '工厂拖欠工资 工人聚集讨薪',
          content: COMPLAINT,
          publishedAt: '2024-03-05T10:00:00+08:00',
        }),
        JSON.stringify({ id: 'reprint', content: `转发：${COMPLAINT}`, publishedAt: '2024-03-05 12:30' }),
        'this is not json',
        JSON.stringify({
          id: 'notice',
          title: '图书馆开放时间调整',
          content: '鼓楼区图书馆自下周起延长开放时间。',
          publishedAt: '2024-03-04',
          // 鼓楼区 is in 福州, 南京, 徐州 and 开封: the source's region says which.
          region: '福州市',
        }),
        JSON.stringify({ id: 7 }),
      ].join('\n'),
    );
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'analyze', '--input', input, '--output', output, '--workers', '1'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/:3: skipped: not valid JSON/);
    expect(r.stderr).toMatch(/:5: skipped: content/);

    const lines = readLines(output);
    expect(lines.map((l) => l.id)).toEqual(['notice', 'wages', 'reprint']);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(
        [
          'id',
          'tokens',
          'keywords',
          'category',
          'sentiment',
          'sensitivity',
          'regions',
          'persons',
          'orgs',
          'places',
          'simhash',
          'duplicateOf',
          'topicId',
        ].sort(),
      );
      expect(line.simhash).toMatch(/^[0-9a-f]{16}$/);
    }
    const [notice, wages, reprint] = lines;
    expect(notice.regions.map((g: { code: string }) => g.code)).toContain('350102');
    expect(wages.sentiment.label).toBe('negative');
    expect(wages.sentiment.score).toBeLessThan(0);
    expect(wages.sensitivity.score).toBeGreaterThan(30);
    expect(wages.sensitivity.categories).toContain('民生纠纷');
    expect(wages.regions.map((g: { code: string }) => g.code)).toEqual(
      expect.arrayContaining(['440306', '440300', '440000']),
    );
    expect(wages.tokens).toContain('工人');
    expect(reprint.duplicateOf).toBe('wages');
    expect(wages.duplicateOf).toBeNull();
  });

  it('applies an override rule file: a category disabled, a local one added', () => {
    const rules = path.join(tmp.dir, 'rules.yaml');
    writeFileSync(
      rules,
      [
        'categories:',
        '  - id: livelihood',
        '    disabled: true',
        '  - id: library',
        '    name: 本地关注',
        '    rules:',
        '      - 图书馆 NEAR/10 开放时间',
      ].join('\n'),
    );
    const output = path.join(tmp.dir, 'out-rules.jsonl');
    expect(analyze(['--input', input, '--output', output, '--rules', rules]).status).toBe(0);
    const byId = new Map(readLines(output).map((l) => [l.id, l]));
    expect(byId.get('notice').sensitivity.categories).toEqual(['本地关注']);
    expect(byId.get('wages').sensitivity.categories).not.toContain('民生纠纷');
  });
});
