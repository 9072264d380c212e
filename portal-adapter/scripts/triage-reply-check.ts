/**
 * Runs the reply check over real letters with the department's reply (TSV with columns title,
 * detail, reply) and prints how often each check holds. Default: messages_with_official_replies.tsv.
 *
 *   npx tsx portal-adapter/scripts/triage-reply-check.ts [replies.tsv] [--show N]
 */
import { readFileSync } from 'node:fs';
import { checkReply } from '../src/mailbox/reply-check.ts';

const DEFAULT = new URL(
  '../../../shared/data/gov/tipdm2020_messages/messages_with_official_replies.tsv',
  import.meta.url,
).pathname;
const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a)) ?? DEFAULT;
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1] ?? 5) : 0;

const lines = readFileSync(file, 'utf8').split('\n');
const header = (lines[0] ?? '').split('\t');
const col = (name: string) => header.indexOf(name);
const [iTitle, iDetail, iReply] = [col('title'), col('detail'), col('reply')];
let n = 0;
const count = {
  ok: 0,
  coverage: 0,
  dept: 0,
  time: 0,
  contact: 0,
  questions: 0,
  questionsAnswered: 0,
  coverageSum: 0,
};
for (const line of lines.slice(1)) {
  if (!line.trim()) continue;
  const c = line.split('\t');
  const r = checkReply({ title: c[iTitle] ?? '', content: c[iDetail] ?? '' }, c[iReply] ?? '');
  n++;
  if (r.ok) count.ok++;
  if (r.coverage >= 0.5) count.coverage++;
  count.coverageSum += r.coverage;
  if (r.namesDepartment) count.dept++;
  if (r.namesTime) count.time++;
  if (r.namesContact) count.contact++;
  count.questions += r.questions.length;
  count.questionsAnswered += r.questions.filter((q) => q.answered).length;
  if (n <= show)
    console.log(
      `${c[iTitle]}\n  coverage ${r.coverage} dept ${r.departments.join('、')} time ${r.times.join('、')} contact ${r.contacts.join('、')} missing ${r.missing.join('；')}`,
    );
}
const pct = (k: number) => `${((100 * k) / n).toFixed(1)}%`;
console.log(`file: ${file}\nreplies: ${n}`);
console.log(
  `mean coverage of the letter's key terms: ${(count.coverageSum / n).toFixed(3)}; coverage ≥ 0.5: ${pct(count.coverage)}`,
);
console.log(`questions asked: ${count.questions}, taken up in the reply: ${count.questionsAnswered}`);
console.log(
  `names a department: ${pct(count.dept)}; names a time: ${pct(count.time)}; names a contact: ${pct(count.contact)}`,
);
console.log(`ok (coverage ≥ 0.5, department, time or contact): ${pct(count.ok)}`);
