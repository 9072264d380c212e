import { KeywordExtractor, segment } from '@yuqing/analyzer';

/**
 * Does a reply answer the letter? Four checks a supervisor makes by eye: the points the citizen
 * raised (the letter's keywords and its questions) come back in the reply, a responsible body is
 * named, a time is given (when it was checked, when it will be done), and a way to follow up
 * (phone, hotline, contact person).
 */
export interface ReplyCheck {
  /** The letter's key terms and whether the reply mentions each. */
  points: Array<{ term: string; answered: boolean }>;
  /** Share of the key terms the reply mentions (0..1). */
  coverage: number;
  /** The letter's questions (sentences asking 吗/何时/能否/？) and whether the reply takes their key words up. */
  questions: Array<{ question: string; answered: boolean }>;
  namesDepartment: boolean;
  departments: string[];
  namesTime: boolean;
  times: string[];
  namesContact: boolean;
  contacts: string[];
  /** coverage ≥ 0.5, a department, and a time or a contact. */
  ok: boolean;
  /** What is missing, in words a supervisor can forward. */
  missing: string[];
}

const POINTS = 8;
export const MIN_COVERAGE = 0.5;

const DEPARTMENT =
  /[^\s\d,《》的了在经是由把对向到于将和与及或请、，。：:；;（）()“”"‘’]{1,12}?(?:人民政府|委员会|办事处|办公室|管理局|分局|支队|大队|中队|派出所|管理所|管理处|服务中心|中心|局|卫健委|发改委|住建委|纪委|监委|教委|厅|街道|居委会|村委会|公司|医院|学校|法院|检察院)(?![\u4e00-\u9fa5]?(?:长|员))/g;
const TIME =
  /\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{1,2}月(?:底|初|中旬|上旬|下旬|份)|(?:本|今|明)年(?:底|内|年底)|年底前|\d+\s*个?(?:工作日|日|天|周|星期|个月|月)内|近日|目前|下一步|预计|将于|计划于/g;
const CONTACT =
  /(?:联系|咨询|服务|举报|监督)?电话[:：]?\s*[\d-]{7,}|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)|12345|热线|联系人[:：]?\s*[\u4e00-\u9fa5]{1,4}|联系电话|来电咨询|来访/g;
const QUESTION =
  /[^。！？!?\n]*(?:[？?]|吗|何时|能否|是否|怎么|如何|多久|什么时候|为什么|为何)[^。！？!?\n]*/g;

let extractor: KeywordExtractor | undefined;

function unique(matches: Iterable<RegExpMatchArray>, max = 5): string[] {
  const out: string[] = [];
  for (const m of matches) if (!out.includes(m[0]) && out.length < max) out.push(m[0]);
  return out;
}

export function checkReply(letter: { title: string; content: string }, reply: string): ReplyCheck {
  extractor ??= new KeywordExtractor();
  const tokens = segment(`${letter.title}\n${letter.title}\n${letter.content}`);
  const points = extractor
    .extract(tokens, POINTS)
    .map((k) => ({ term: k.word, answered: reply.includes(k.word) }));
  const coverage = points.length ? points.filter((p) => p.answered).length / points.length : 0;
  const questions = unique(`${letter.title}。${letter.content}`.matchAll(QUESTION), 5).map((question) => {
    const words = extractor?.extract(segment(question), 3) ?? [];
    return { question: question.trim(), answered: words.some((w) => reply.includes(w.word)) };
  });
  const departments = unique(reply.matchAll(DEPARTMENT));
  const times = unique(reply.matchAll(TIME));
  const contacts = unique(reply.matchAll(CONTACT));
  const missing: string[] = [];
  if (coverage < MIN_COVERAGE) missing.push('未回应来信反映的主要问题');
  if (questions.some((q) => !q.answered)) missing.push('有提问未作答');
  if (!departments.length) missing.push('未写明办理单位');
  if (!times.length) missing.push('未写明办理时间或时限');
  if (!contacts.length) missing.push('未留联系方式');
  return {
    points,
    coverage: Math.round(coverage * 1000) / 1000,
    questions,
    namesDepartment: departments.length > 0,
    departments,
    namesTime: times.length > 0,
    times,
    namesContact: contacts.length > 0,
    contacts,
    ok: coverage >= MIN_COVERAGE && departments.length > 0 && (times.length > 0 || contacts.length > 0),
    missing,
  };
}
