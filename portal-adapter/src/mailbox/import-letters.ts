import path from 'node:path';
import type { Store } from '@yuqing/schemas';
import ExcelJS from 'exceljs';
import type { DeadlinePolicy } from './deadlines.ts';
import type { Letter } from './letter.ts';
import { LetterWorkflowError, loadTriage, type NewLetter, receiveLetter } from './workflow.ts';

/** Header names accepted for each field (English, and those of common portal exports). */
const HEADERS: Record<keyof NewLetter, readonly string[]> = {
  id: ['id', 'message_id', '编号', '留言编号', '信件编号'],
  title: ['title', '标题', '留言主题', '主题', '信件标题'],
  content: ['content', 'detail', '内容', '留言详情', '留言内容', '信件内容', '正文'],
  receivedAt: ['receivedAt', 'received_at', 'time', '时间', '留言时间', '来信时间', '提交时间'],
  author: ['author', 'user', '姓名', '留言用户', '来信人'],
  phone: ['phone', '电话', '联系电话', '手机'],
  idNumber: ['idNumber', 'id_number', '身份证号', '身份证号码', '证件号码'],
  channel: ['channel', '渠道', '来源'],
  externalId: ['externalId', 'external_id'],
};

export interface ImportProblem {
  /** 1-based row of the sheet (the header is row 1). */
  row: number;
  message: string;
  field?: string;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  }
  return String(value).trim();
}

/** Reads letters from a .csv or .xlsx file (first sheet, header in the first row). */
export async function readLettersFile(
  file: string,
): Promise<{ letters: Array<NewLetter & { row: number }>; problems: ImportProblem[] }> {
  const workbook = new ExcelJS.Workbook();
  const ext = path.extname(file).toLowerCase();
  let sheet: ExcelJS.Worksheet | undefined;
  if (ext === '.csv') sheet = await workbook.csv.readFile(file);
  else if (ext === '.xlsx') sheet = (await workbook.xlsx.readFile(file)).worksheets[0];
  else
    throw new LetterWorkflowError(
      'invalid_input',
      `unsupported file type ${ext || '(none)'}: use .csv or .xlsx`,
      'file',
    );
  if (!sheet) throw new LetterWorkflowError('invalid_input', 'the workbook has no sheet', 'file');
  const header = new Map<keyof NewLetter, number>();
  sheet.getRow(1).eachCell((cell, col) => {
    const name = cellText(cell.value).replace(/^\uFEFF/, '');
    for (const [field, names] of Object.entries(HEADERS) as Array<[keyof NewLetter, readonly string[]]>)
      if (names.some((n) => n.toLowerCase() === name.toLowerCase()) && !header.has(field))
        header.set(field, col);
  });
  if (!header.has('content'))
    throw new LetterWorkflowError(
      'invalid_input',
      `no content column (one of ${HEADERS.content.join(', ')})`,
      'content',
    );
  const letters: Array<NewLetter & { row: number }> = [];
  const problems: ImportProblem[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const get = (field: keyof NewLetter) => {
      const col = header.get(field);
      return col ? cellText(row.getCell(col).value) : '';
    };
    if (!row.hasValues) continue;
    const content = get('content');
    if (!content) {
      problems.push({ row: r, message: 'no content', field: 'content' });
      continue;
    }
    const receivedAt = get('receivedAt');
    if (receivedAt && Number.isNaN(Date.parse(normaliseTime(receivedAt)))) {
      problems.push({ row: r, message: `not a time: ${receivedAt}`, field: 'receivedAt' });
      continue;
    }
    const letter: NewLetter & { row: number } = { row: r, title: get('title'), content };
    for (const field of ['id', 'author', 'phone', 'idNumber', 'channel', 'externalId'] as const) {
      const v = get(field);
      if (v) letter[field] = v;
    }
    if (receivedAt) letter.receivedAt = normaliseTime(receivedAt);
    letters.push(letter);
  }
  return { letters, problems };
}

/** `2019-04-25 09:32:09` without a zone is Beijing time. */
function normaliseTime(text: string): string {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(text)) return text;
  const iso = text.replace(/\//g, '-').replace(' ', 'T');
  return /^\d{4}-\d{1,2}-\d{1,2}$/.test(iso) ? `${iso}T00:00:00+08:00` : `${iso}+08:00`;
}

/** Imports a file of letters: each good row is received (triaged, deadline set); bad rows are reported. */
export async function importLetters(
  store: Store,
  file: string,
  context: { actor: string; ownerDepartmentId?: string; policy?: DeadlinePolicy; now?: string },
): Promise<{ created: Letter[]; existing: number; problems: ImportProblem[] }> {
  const { letters, problems } = await readLettersFile(file);
  const triage = await loadTriage(store);
  const created: Letter[] = [];
  let existing = 0;
  for (const { row, ...input } of letters) {
    try {
      const r = await receiveLetter(store, { channel: 'import', ...input }, { ...context, triage });
      if (r.created) created.push(r.letter);
      else existing++;
    } catch (error) {
      if (!(error instanceof LetterWorkflowError)) throw error;
      problems.push({ row, message: error.message, field: error.field });
    }
  }
  problems.sort((a, b) => a.row - b.row);
  return { created, existing, problems };
}
