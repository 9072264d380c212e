/**
 * The mailbox store and workflow against real chDB. Fixture story (written for this test): on
 * Monday 2024-03-04 09:00 Beijing time a parent writes about paid extra lessons at a primary
 * school (`school`); a neighbour of a chemical plant writes about fumes at night (`plant`) and
 * another neighbour writes the same complaint with her phone and ID numbers (`plant-2`). The school
 * letter goes the whole way received → assigned → replying → replied → closed with a leader's
 * instruction; the plant letters stay open and become overdue. Then a CSV and an XLSX export of a
 * portal are imported, each with one row without text.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  addInstruction,
  addWorkingDays,
  getDueLetters,
  getLetter,
  getLetterEvents,
  getLetters,
  getMailboxStats,
  importLetters,
  LetterWorkflowError,
  loadTriage,
  maskLetterFor,
  maskPersonalData,
  receiveLetter,
  transitionLetter,
} from '@yuqing/portal-adapter';
import { createLogger, migrate, type Store } from '@yuqing/schemas';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableEngines } from './support/engines.ts';
import { tempDir } from './support/temp-dir.ts';

const MONDAY_9 = '2024-03-04T01:00:00.000Z';
const FUMES =
  '化工厂每天夜里偷排废气，小区里全是刺鼻的臭味，很多老人和小孩咳嗽不止，已经多次向环保局投诉，请生态环境局派人检测，关停违法排污的工厂，保护居民身体健康。';
const SCHOOL = {
  id: 'school',
  title: '实验小学强制学生参加有偿补课',
  content:
    '我是实验小学三年级学生家长，学校老师每周六要求全班学生到校补课，每人每学期收费八百元，不参加的孩子在课堂上被老师点名批评。请教育局查处这种违规补课、乱收费的行为。',
  receivedAt: MONDAY_9,
};
const REPLY =
  '您好！经市教育局调查核实，实验小学确实存在周六组织学生补课的情况。2024年3月8日，市教育局已责令该校立即停止补课，退还已收取的补课费用，并对相关老师进行了批评教育。如有疑问，请拨打市教育局监督电话0731-88886666。';

const engine = availableEngines().find((e) => e.name === 'embedded');
if (!engine) throw new Error('the embedded engine is always available');

describe('mailbox store (embedded chDB)', { timeout: 120_000 }, () => {
  let store: Store;
  let close: () => Promise<void>;
  const tmp = tempDir('mailbox');

  beforeAll(async () => {
    ({ store, close } = await engine.open());
    await migrate(store, createLogger('silent'));
  });
  afterAll(async () => {
    await close?.();
    tmp.cleanup();
  });

  it('receives letters with their triage and deadline, once per id', async () => {
    const triage = await loadTriage(store);
    const ctx = { actor: 'api:portal', ownerDepartmentId: 'root', now: MONDAY_9, triage };
    const { letter: school, created } = await receiveLetter(store, SCHOOL, ctx);
    expect(created).toBe(true);
    expect(school.category).toBe('教育文体');
    expect(school.department).toBe('教育局');
    expect(school.state).toBe('received');
    // 15 working days from Monday 4 March: Friday 22 March … Monday 25 March, end of day Beijing time
    expect(school.deadlineAt).toBe('2024-03-25T15:59:59.999Z');
    expect(school.deadlineAt).toBe(addWorkingDays(new Date(MONDAY_9), 15).toISOString());

    const plant = await receiveLetter(
      store,
      { id: 'plant', title: '新港化工厂夜间偷排废气', content: FUMES, receivedAt: MONDAY_9 },
      ctx,
    );
    expect(plant.letter.category).toBe('环境保护');
    expect(plant.letter.department).toBe('生态环境局');
    const again = await receiveLetter(
      store,
      {
        id: 'plant-2',
        title: '新港化工厂夜间偷排废气！',
        content: `${FUMES}我的电话13812345678，身份证号430102199001011234。`,
        phone: '13812345678',
        idNumber: '430102199001011234',
        receivedAt: MONDAY_9,
      },
      ctx,
    );
    expect(again.letter.similar).toEqual(['plant']);

    // a retried submission returns the stored letter and writes nothing new
    const retry = await receiveLetter(store, { ...SCHOOL, title: 'changed' }, ctx);
    expect(retry.created).toBe(false);
    expect(retry.letter.title).toBe(SCHOOL.title);
    expect(await getLetterEvents(store, 'school')).toHaveLength(1);

    const stored = await getLetter(store, 'plant-2');
    expect(stored?.phone).toBe('13812345678');
    expect(stored?.similar).toEqual(['plant']);
    expect(JSON.parse(stored?.evidence ?? '{}').classes[0].category).toBe('环境保护');
  });

  it('finds similar letters stored before a restart', async () => {
    const triage = await loadTriage(store);
    const { letter } = await receiveLetter(
      store,
      { id: 'plant-3', title: '新港化工厂夜间偷排废气', content: FUMES },
      { actor: 'api:portal', triage, now: MONDAY_9 },
    );
    expect(letter.similar).toContain('plant');
  });

  it('walks a letter through every state and records each change', async () => {
    const at = (h: number) => new Date(Date.parse(MONDAY_9) + h * 3_600_000).toISOString();
    await transitionLetter(
      store,
      'school',
      { to: 'assigned', department: '教育局', assignee: 'zhang' },
      { actor: 'u-editor', now: at(1) },
    );
    await addInstruction(store, 'school', '请教育局三日内查实并答复。', { actor: 'u-leader', now: at(2) });
    await transitionLetter(
      store,
      'school',
      { to: 'replying', note: '已派人核查' },
      { actor: 'u-zhang', now: at(3) },
    );
    const replied = await transitionLetter(
      store,
      'school',
      { to: 'replied', reply: REPLY },
      { actor: 'u-zhang', now: at(50) },
    );
    const check = JSON.parse(replied.replyCheck);
    expect(check.namesDepartment).toBe(true);
    expect(check.namesTime).toBe(true);
    expect(check.namesContact).toBe(true);
    expect(check.ok).toBe(true);
    await transitionLetter(store, 'school', { to: 'closed' }, { actor: 'u-editor', now: at(51) });

    await expect(
      transitionLetter(store, 'school', { to: 'assigned' }, { actor: 'u-editor' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(transitionLetter(store, 'nope', { to: 'closed' }, { actor: 'x' })).rejects.toBeInstanceOf(
      LetterWorkflowError,
    );
    await expect(
      transitionLetter(store, 'plant', { to: 'replied', reply: ' ' }, { actor: 'x' }),
    ).rejects.toMatchObject({ code: 'invalid_transition' });

    const letter = await getLetter(store, 'school');
    expect(letter).toMatchObject({
      state: 'closed',
      assignee: 'zhang',
      reply: REPLY,
      repliedAt: at(50),
      closedAt: at(51),
    });
    const events = await getLetterEvents(store, 'school');
    expect(events.map((e) => [e.action, e.fromState, e.toState, e.actor])).toEqual([
      ['received', '', 'received', 'api:portal'],
      ['assigned', 'received', 'assigned', 'u-editor'],
      ['instruction', 'assigned', 'assigned', 'u-leader'],
      ['replying', 'assigned', 'replying', 'u-zhang'],
      ['replied', 'replying', 'replied', 'u-zhang'],
      ['closed', 'replied', 'closed', 'u-editor'],
    ]);
    expect(events[2]?.note).toBe('请教育局三日内查实并答复。');
    expect(events[1]?.note).toContain('教育局');
    expect(await getLetterEvents(store, 'school', 'instruction')).toHaveLength(1);
  });

  it('lists letters due soon and overdue, and statistics by department', async () => {
    const plant = await getLetter(store, 'plant');
    const deadline = Date.parse(plant?.deadlineAt ?? '');
    const dayBefore = new Date(deadline - 20 * 3_600_000).toISOString();
    const weekBefore = new Date(deadline - 7 * 86_400_000).toISOString();
    expect(await getDueLetters(store, { now: weekBefore, withinHours: 24 })).toEqual([]);
    const due = await getDueLetters(store, { now: dayBefore, withinHours: 24 });
    expect(due.map((d) => d.id).sort()).toEqual(['plant', 'plant-2', 'plant-3']);
    expect(due.every((d) => !d.overdue && d.hoursLeft > 19 && d.hoursLeft <= 20)).toBe(true);
    const late = new Date(deadline + 3_600_000).toISOString();
    const overdue = await getDueLetters(store, { now: late, withinHours: 0 });
    expect(overdue.map((d) => d.id)).toContain('plant');
    expect(overdue.find((d) => d.id === 'plant')).toMatchObject({ overdue: true, hoursLeft: -1 });
    expect(overdue.map((d) => d.id)).not.toContain('school'); // closed

    const stats = await getMailboxStats(store, {
      from: '2024-03-01T00:00:00Z',
      to: '2024-04-01T00:00:00Z',
      now: late,
    });
    const env = stats.find((s) => s.department === '生态环境局');
    const edu = stats.find((s) => s.department === '教育局');
    expect(env).toMatchObject({ received: 3, open: 3, overdue: 3, onTimeRate: null });
    expect(edu).toMatchObject({
      received: 1,
      open: 0,
      closed: 1,
      overdue: 0,
      onTimeRate: 1,
      meanReplyHours: 50,
    });
  });

  it('masks phone and ID numbers for roles that do not need them', async () => {
    const letter = await getLetter(store, 'plant-2');
    if (!letter) throw new Error('plant-2 missing');
    const forLeader = maskLetterFor(letter, ['leader', 'analyst']);
    expect(forLeader.phone).toBe('*******5678');
    expect(forLeader.idNumber).toBe('**************1234');
    expect(forLeader.content).toContain('138****5678');
    expect(forLeader.content).toContain('430102********1234');
    expect(forLeader.content).not.toContain('13812345678');
    const forEditor = maskLetterFor(letter, ['editor']);
    expect(forEditor.phone).toBe('13812345678');
    expect(forEditor.content).toContain('13812345678');
    expect(maskPersonalData('座机0731-84567890，订单20190425093209')).toBe(
      '座机0731-****7890，订单20190425093209',
    );
  });

  it('imports CSV and XLSX exports, reporting rows without text', async () => {
    const csv = path.join(tmp.dir, 'letters.csv');
    writeFileSync(
      csv,
      [
        '留言编号,留言主题,留言时间,留言详情',
        'c1,"小区物业乱收停车费","2024-03-05 10:00:00","物业公司擅自提高小区停车费，业主委员会不同意，物业就不让业主车辆进入小区，请住建局查处。"',
        'c2,空行,2024-03-05 11:00:00,',
        'c3,"公交车班次太少","2024/03/05 12:00","12路公交车早高峰班次太少，乘客在公交站等车要四十分钟，请交通运输局增加班次。"',
      ].join('\n'),
    );
    const fromCsv = await importLetters(store, csv, { actor: 'u-editor', ownerDepartmentId: 'root' });
    expect(fromCsv.created.map((l) => [l.id, l.category, l.channel])).toEqual([
      ['c1', '城乡建设', 'import'],
      ['c3', '交通运输', 'import'],
    ]);
    expect(fromCsv.created[0]?.receivedAt).toBe('2024-03-05T02:00:00.000Z');
    expect(fromCsv.problems).toEqual([{ row: 3, message: 'no content', field: 'content' }]);

    const xlsx = path.join(tmp.dir, 'letters.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('信件');
    ws.addRow(['编号', '标题', '内容', '联系电话', '时间']);
    ws.addRow([
      'x1',
      '医院乱收费',
      '市人民医院对住院病人重复收取检查费，患者多次投诉无果，请卫健委调查。',
      '13900001111',
      new Date('2024-03-06T02:00:00Z'),
    ]);
    ws.addRow(['x2', '没有内容', '', '', '']);
    ws.addRow(['c1', '重复导入', '物业公司擅自提高小区停车费。', '', '']);
    await wb.xlsx.writeFile(xlsx);
    const fromXlsx = await importLetters(store, xlsx, { actor: 'u-editor' });
    expect(fromXlsx.created.map((l) => [l.id, l.category, l.phone])).toEqual([
      ['x1', '卫生计生', '13900001111'],
    ]);
    expect(fromXlsx.existing).toBe(1);
    expect(fromXlsx.problems.map((p) => p.row)).toEqual([3]);

    const all = await getLetters(store, { ownerDepartmentIds: ['root'], limit: 100 });
    expect(all.map((l) => l.id).sort()).toEqual(['c1', 'c3', 'plant', 'plant-2', 'school']);
    const openEnv = await getLetters(store, { states: ['received'], department: '生态环境局' });
    expect(openEnv.map((l) => l.id).sort()).toEqual(['plant', 'plant-2', 'plant-3']);
    await expect(importLetters(store, path.join(tmp.dir, 'x.txt'), { actor: 'u' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
