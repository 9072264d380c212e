/**
 * `yuqing triage --input --output` as a user runs it. Fixture story (written for this test): a
 * parent complains that a primary school makes pupils pay for extra lessons (教育文体), a worker's
 * wages are months overdue (劳动和社会保障), a neighbour of a chemical plant smells fumes at night
 * and fears for the children (环境保护), the same plant complaint written again by another
 * neighbour (a near duplicate of the third), one line that is not JSON and one without content.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getTaxonomy } from '@yuqing/portal-adapter';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './support/temp-dir.ts';

const root = new URL('..', import.meta.url).pathname;

const SCHOOL = {
  id: 'school',
  title: '实验小学强制学生参加有偿补课',
  content:
    '我是实验小学三年级学生家长，学校老师每周六要求全班学生到校补课，每人每学期收费八百元，不参加的孩子在课堂上被老师点名批评。请教育局查处这种违规补课、乱收费的行为。',
  receivedAt: '2024-03-01 09:00:00',
};
const WAGES = {
  id: 'wages',
  title: '公司拖欠工资半年不发',
  content:
    '我在本市一家物流公司上班，公司已经拖欠我们二十多名员工半年的工资，也不签劳动合同，不交社保。多次找老板讨薪无果，请人社局劳动监察大队帮忙。',
};
const FUMES =
  '化工厂每天夜里偷排废气，小区里全是刺鼻的臭味，很多老人和小孩咳嗽不止，已经多次向环保局投诉，至今没有人处理，请生态环境局立即派人检测，关停违法排污的工厂，保护居民身体健康。';
const PLANT = { id: 'plant', title: '新港化工厂夜间偷排废气，居民苦不堪言', content: FUMES };
const PLANT_AGAIN = {
  id: 42,
  title: '新港化工厂夜间偷排废气，居民苦不堪言！',
  content: `${FUMES}联系电话13812345678。`,
};

function triage(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'triage', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
}

describe('yuqing triage --input --output', () => {
  const tmp = tempDir('triage');
  afterAll(tmp.cleanup);
  const input = path.join(tmp.dir, 'letters.jsonl');
  const output = path.join(tmp.dir, 'out.jsonl');

  // The CLI starts tsx, jieba and the sentiment model: slow on a busy machine.
  it('writes one triage per good letter, reports bad lines by number and goes on', {
    timeout: 180_000,
  }, () => {
    writeFileSync(
      input,
      [
        JSON.stringify(SCHOOL),
        JSON.stringify(WAGES),
        '{"id": "broken", "title": ',
        JSON.stringify(PLANT),
        JSON.stringify({ id: 'empty', title: '没有正文' }),
        JSON.stringify(PLANT_AGAIN),
      ].join('\n'),
    );
    const run = triage(['--input', input, '--output', output]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${input}:3: skipped: not valid JSON`);
    expect(run.stderr).toMatch(
      new RegExp(`${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:5: skipped: content`),
    );
    expect(run.stderr).toContain('Triaged 4 letters');

    const rows = readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['school', 'wages', 'plant', 42]);
    const level1 = new Set(getTaxonomy().level1);
    const paths = new Set(
      getTaxonomy().rows.flatMap((r) => [
        r.level1,
        `${r.level1}/${r.level2}`,
        `${r.level1}/${r.level2}/${r.level3}`,
      ]),
    );
    for (const r of rows) {
      expect(Object.keys(r)).toEqual(
        expect.arrayContaining([
          'id',
          'category',
          'categoryPath',
          'department',
          'urgency',
          'sentiment',
          'similar',
          'evidence',
        ]),
      );
      expect(level1.has(r.category), r.category).toBe(true);
      expect(paths.has(r.categoryPath), r.categoryPath).toBe(true);
      expect(r.categoryPath.startsWith(r.category)).toBe(true);
      expect(['high', 'medium', 'low']).toContain(r.urgency);
      expect(['negative', 'neutral', 'positive']).toContain(r.sentiment);
      expect(r.department.length).toBeGreaterThan(1);
      expect(r.evidence.classes[0].category).toBe(r.category);
      expect(r.evidence.classes[0].terms.length).toBeGreaterThan(0);
    }
    const [school, wages, plant, again] = rows;
    expect(school.category).toBe('教育文体');
    expect(school.department).toBe('教育局');
    expect(school.evidence.classes[0].terms).toContain('补课');
    expect(wages.category).toBe('劳动和社会保障');
    expect(wages.department).toContain('人力资源和社会保障局');
    expect(plant.category).toBe('环境保护');
    expect(plant.department).toBe('生态环境局');
    expect(plant.sentiment).toBe('negative');
    // danger to children and repeated complaints: not low
    expect(plant.urgency).not.toBe('low');
    expect(plant.evidence.urgencySignals).toEqual(expect.arrayContaining(['反复投诉']));
    // letters are only compared with earlier ones
    expect(school.similar).toEqual([]);
    expect(plant.similar).toEqual([]);
    expect(again.similar).toEqual(['plant']);
    expect(again.evidence.similar[0]).toMatchObject({ id: 'plant', kind: 'duplicate' });
    expect(school.similar).not.toContain('plant');
  });

  it('exits 2 with a usage message when a flag is missing or the input does not exist', {
    timeout: 180_000,
  }, () => {
    expect(triage(['--input', input]).status).toBe(2);
    const missing = triage(['--input', path.join(tmp.dir, 'nope.jsonl'), '--output', output]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('input file not found');
  });
});
