import { normalizeForMatch } from '../sensitivity/aho-corasick.ts';
import { evaluate, positiveTerms, type Span } from '../sensitivity/evaluate.ts';
import type { CompiledDocumentRule, Condition } from './rules.ts';
import type { AlertDocument } from './types.ts';

export interface RuleMatch {
  /** Why it fired, in words an analyst reads (关键词：爆炸 …). */
  reasons: string[];
  /** Matched keyword-expression terms, for the evidence. */
  terms: string[];
}

/** A GB/T 2260 code covers another when it is the same or one of its ancestors (330000 ⊇ 330106). */
export function regionCovers(code: string, other: string): boolean {
  const prefix = code.replace(/(00)+$/, '');
  return other.startsWith(prefix);
}

/** The text a keyword expression reads: the full text when the pipeline passes it, else title + summary. */
export function matchText(doc: AlertDocument): string {
  return normalizeForMatch(doc.text ?? `${doc.title}\n${doc.summary ?? ''}`);
}

/** Term occurrences of every keyword expression of a rule in one text, one automaton scan. */
function scanTerms(compiled: CompiledDocumentRule, text: string): Map<string, Span[]> {
  const automaton = compiled.automaton;
  const hits = new Map<string, Span[]>();
  automaton.scan(text, (id, start, end) => {
    const term = automaton.patterns[id] as string;
    const spans = hits.get(term);
    if (spans) spans.push({ start, end });
    else hits.set(term, [{ start, end }]);
  });
  return hits;
}

/** Whether every condition of a document rule holds for a document; null when one does not. */
export function matchDocument(compiled: CompiledDocumentRule, doc: AlertDocument): RuleMatch | null {
  const reasons: string[] = [];
  const terms = new Set<string>();
  let hits: Map<string, Span[]> | undefined;
  let text: string | undefined;
  for (const condition of compiled.rule.when) {
    if (condition.kind === 'keyword') {
      text ??= matchText(doc);
      hits ??= scanTerms(compiled, text);
      const expr = compiled.expressions.get(condition);
      if (!expr || evaluate(expr, hits) === null) return null;
      const found = new Set<string>();
      positiveTerms(expr, hits, found);
      for (const t of found) terms.add(t);
      reasons.push(`关键词：${[...found].join('、') || condition.expression}`);
      continue;
    }
    const reason = matchCondition(condition, doc, () => (text ??= matchText(doc)));
    if (reason === null) return null;
    reasons.push(reason);
  }
  return { reasons, terms: [...terms] };
}

function matchCondition(
  condition: Exclude<Condition, { kind: 'keyword' }>,
  doc: AlertDocument,
  text: () => string,
): string | null {
  switch (condition.kind) {
    case 'sensitivity': {
      if (doc.sensitivity.score < condition.min) return null;
      const wanted = condition.categories;
      const names = doc.sensitivity.categoryNames ?? [];
      const hit = wanted
        ? doc.sensitivity.categories.filter((c, i) => wanted.includes(c) || wanted.includes(names[i] ?? ''))
        : doc.sensitivity.categories;
      if (wanted && hit.length === 0) return null;
      return `敏感度 ${Math.round(doc.sensitivity.score)} ≥ ${condition.min}${hit.length ? `（${hit.join('、')}）` : ''}`;
    }
    case 'index':
      if (doc.opinionIndex === undefined || doc.opinionIndex < condition.min) return null;
      return `舆情指数 ${doc.opinionIndex} ≥ ${condition.min}`;
    case 'person': {
      const body = text();
      const named = condition.names.filter(
        (n) => doc.persons.includes(n) || body.includes(normalizeForMatch(n)),
      );
      return named.length > 0 ? `关注人物：${named.join('、')}` : null;
    }
    case 'region': {
      const hit = doc.regions.filter((r) => condition.codes.some((c) => regionCovers(c, r.code)));
      return hit.length > 0 ? `地区：${hit.map((r) => r.name).join('、')}` : null;
    }
    case 'negative':
      if (doc.sentiment.label !== 'negative' || doc.sentiment.score > condition.maxScore) return null;
      return `负面（${doc.sentiment.score.toFixed(2)}）`;
  }
}
