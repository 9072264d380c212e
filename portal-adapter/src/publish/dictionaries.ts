import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The maintained lists shipped with the adapter; a deployment may point at its own copy. Next to
 * this file when run from source; through the package when a bundler moved this code (the
 * dashboard's server build).
 */
export const DEFAULT_DICT_DIR = defaultDictDir();

function defaultDictDir(): string {
  const beside = fileURLToPath(new URL('../../dict/', import.meta.url));
  if (existsSync(path.join(beside, 'typos.txt'))) return beside;
  try {
    const entry = createRequire(import.meta.url).resolve('@yuqing/portal-adapter');
    return path.join(path.dirname(entry), '..', 'dict');
  } catch {
    return beside;
  }
}

export const DICT_FILES = {
  sensitive: 'sensitive-words.txt',
  forbiddenNames: 'forbidden-names.txt',
  typos: 'typos.txt',
} as const;

export interface SensitiveWord {
  term: string;
  category: string;
  /** `error` (禁止) blocks submission; `warning` (提示) is shown to the editor. */
  severity: 'error' | 'warning';
}

const LEVELS: Record<string, SensitiveWord['severity']> = { 禁止: 'error', 提示: 'warning', '': 'error' };
export interface ForbiddenName {
  name: string;
  reason: string;
}
export interface Typo {
  wrong: string;
  right: string;
}

export interface PublishDictionaries {
  sensitive: SensitiveWord[];
  forbiddenNames: ForbiddenName[];
  typos: Typo[];
}

/** Every bad line of every list, reported at once with file and line number. */
export class DictionaryError extends Error {
  override name = 'DictionaryError';
  constructor(readonly problems: string[]) {
    super(`词表格式错误：\n${problems.join('\n')}`);
  }
}

interface Line {
  no: number;
  fields: string[];
}

/** Lines as `|`-separated fields; `#` starts a comment, blank lines are skipped. */
function lines(text: string): Line[] {
  const out: Line[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const content = raw.replace(/#.*$/, '').trim();
      if (content) out.push({ no: i + 1, fields: content.split('|').map((f) => f.trim()) });
    });
  return out;
}

/** Parses the three lists from their text; `problems` collects every bad line. */
export function parseDictionaries(
  texts: { sensitive: string; forbiddenNames: string; typos: string },
  problems: string[] = [],
): PublishDictionaries {
  const bad = (file: string, no: number, message: string) => problems.push(`${file}:${no}: ${message}`);
  const sensitive: SensitiveWord[] = [];
  for (const { no, fields } of lines(texts.sensitive)) {
    const [term = '', category = '', level = '', ...rest] = fields;
    const severity = LEVELS[level];
    if (!term) bad(DICT_FILES.sensitive, no, '缺少词语');
    else if (rest.length > 0) bad(DICT_FILES.sensitive, no, '最多三列：词语 | 类别 | 级别');
    else if (!severity) bad(DICT_FILES.sensitive, no, `级别「${level}」无效：只能是「禁止」或「提示」`);
    else sensitive.push({ term, category: category || '其他', severity });
  }
  const forbiddenNames: ForbiddenName[] = [];
  for (const { no, fields } of lines(texts.forbiddenNames)) {
    const [name = '', reason = '', ...rest] = fields;
    if (!name) bad(DICT_FILES.forbiddenNames, no, '缺少姓名');
    else if ([...name].length < 2) bad(DICT_FILES.forbiddenNames, no, `姓名「${name}」过短（至少两个字）`);
    else if (rest.length > 0) bad(DICT_FILES.forbiddenNames, no, '最多两列：姓名 | 原因');
    else forbiddenNames.push({ name, reason: reason || '不得出现' });
  }
  const typos: Typo[] = [];
  for (const { no, fields } of lines(texts.typos)) {
    const [wrong = '', right = '', ...rest] = fields;
    if (!wrong || !right) bad(DICT_FILES.typos, no, '须为两列：错误写法 | 正确写法');
    else if (rest.length > 0) bad(DICT_FILES.typos, no, '只能有两列：错误写法 | 正确写法');
    else if (wrong === right) bad(DICT_FILES.typos, no, `错误写法与正确写法相同：${wrong}`);
    else typos.push({ wrong, right });
  }
  return { sensitive, forbiddenNames, typos };
}

/** Reads the three lists from `dir`; a DictionaryError lists every bad line of every file. */
export function loadDictionaries(dir = DEFAULT_DICT_DIR): PublishDictionaries {
  const problems: string[] = [];
  const read = (file: string) => {
    try {
      return readFileSync(path.join(dir, file), 'utf8');
    } catch (error) {
      problems.push(`${file}: 无法读取（${(error as Error).message}）`);
      return '';
    }
  };
  const dicts = parseDictionaries(
    {
      sensitive: read(DICT_FILES.sensitive),
      forbiddenNames: read(DICT_FILES.forbiddenNames),
      typos: read(DICT_FILES.typos),
    },
    problems,
  );
  if (problems.length > 0) throw new DictionaryError(problems);
  return dicts;
}
