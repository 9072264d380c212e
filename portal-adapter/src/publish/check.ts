import { AhoCorasick } from '@yuqing/analyzer';
import type { PublishDictionaries } from './dictionaries.ts';
import { htmlToText } from './sanitize.ts';

export type FindingKind = 'forbidden_name' | 'sensitive' | 'typo';

/** One hit of a list in a draft: errors block submission and approval, warnings do not. */
export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning';
  field: 'title' | 'summary' | 'body';
  term: string;
  /** Offset in the field's text (UTF-16 code units; the body's text, tags removed). */
  offset: number;
  context: string;
  /** The correct form of a typo; the category of a sensitive word; why a name is forbidden. */
  note: string;
}

export interface CheckResult {
  ok: boolean;
  errors: number;
  warnings: number;
  findings: Finding[];
}

const FOLDABLE = /[A-Z\uff01-\uff5e]/g;

/** Lower-case Latin, full-width ASCII to half-width; one code unit in, one out, so offsets hold. */
export function foldForMatch(text: string): string {
  return text.replace(FOLDABLE, (c) => {
    const code = c.charCodeAt(0);
    return code >= 0xff01 ? String.fromCharCode(code - 0xfee0).toLowerCase() : c.toLowerCase();
  });
}

interface Entry {
  kind: FindingKind;
  term: string;
  note: string;
  severity: 'error' | 'warning';
}

/**
 * Checks drafts against the maintained lists with one Aho–Corasick automaton over all of them
 * (the analyzer's). A typo is not reported where its correct form overlaps the match, so an entry
 * that happens to sit inside a correct phrase does not cry wolf.
 */
export class DraftChecker {
  private readonly entries: Entry[];
  private readonly automaton: AhoCorasick;

  constructor(dicts: PublishDictionaries) {
    this.entries = [
      ...dicts.forbiddenNames.map((n) => ({
        kind: 'forbidden_name' as const,
        term: n.name,
        note: n.reason,
        severity: 'error' as const,
      })),
      ...dicts.sensitive.map((s) => ({
        kind: 'sensitive' as const,
        term: s.term,
        note: s.category,
        severity: s.severity,
      })),
      ...dicts.typos.map((t) => ({
        kind: 'typo' as const,
        term: t.wrong,
        note: t.right,
        severity: 'warning' as const,
      })),
    ];
    this.automaton = new AhoCorasick(this.entries.map((e) => foldForMatch(e.term)));
  }

  check(draft: { title: string; summary: string; body: string }): CheckResult {
    const findings: Finding[] = [];
    const fields = { title: draft.title, summary: draft.summary, body: htmlToText(draft.body) };
    for (const field of ['title', 'summary', 'body'] as const) {
      const text = fields[field];
      const folded = foldForMatch(text);
      const seen = new Set<string>();
      for (const m of this.automaton.findAll(folded)) {
        const entry = this.entries[m.pattern] as Entry;
        if (entry.kind === 'typo' && correctFormCovers(folded, m.start, entry)) continue;
        const key = `${m.pattern}:${m.start}`;
        if (seen.has(key)) continue;
        seen.add(key);
        findings.push({
          kind: entry.kind,
          severity: entry.severity,
          field,
          term: text.slice(m.start, m.end),
          offset: m.start,
          context: text.slice(Math.max(0, m.start - 12), Math.min(text.length, m.end + 12)),
          note: entry.note,
        });
      }
    }
    findings.sort((a, b) => severityRank(a) - severityRank(b) || a.offset - b.offset);
    const errors = findings.filter((f) => f.severity === 'error').length;
    return { ok: errors === 0, errors, warnings: findings.length - errors, findings };
  }
}

function severityRank(f: Finding): number {
  return f.severity === 'error' ? 0 : 1;
}

/** True when the correct form of a typo occurs at a place overlapping the match. */
function correctFormCovers(text: string, start: number, entry: Entry): boolean {
  const right = foldForMatch(entry.note);
  const from = Math.max(0, start - right.length);
  let at = text.indexOf(right, from);
  while (at !== -1 && at <= start + entry.term.length) {
    if (at < start + entry.term.length && at + right.length > start) return true;
    at = text.indexOf(right, at + 1);
  }
  return false;
}
