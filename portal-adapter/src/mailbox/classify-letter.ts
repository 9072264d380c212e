import { AhoCorasick } from '@yuqing/analyzer';
import { getLexicon, type Lexicon, type LexiconTerm } from './lexicon.ts';
import { upsert } from './util.ts';

/** The commonest class of citizen letters: the answer when no term of any class matches. */
export const FALLBACK_CLASS = '城乡建设';
/** A title names the matter; the body wanders (greetings, history, other complaints). */
const TITLE_WEIGHT = 2.5;

export interface ClassScore {
  category: string;
  score: number;
  /** Matched terms that pushed this class, strongest first. */
  terms: string[];
}

export interface LetterClassification {
  category: string;
  /** level1/level2/level3, as deep as the evidence goes. */
  categoryPath: string;
  /** Share of the winning class in the total score (0 when nothing matched). */
  confidence: number;
  ranking: ClassScore[];
}

interface Compiled {
  lexicon: Lexicon;
  matcher: AhoCorasick;
  terms: LexiconTerm[];
}

const compiledCache = new WeakMap<Lexicon, Compiled>();

function compile(lexicon: Lexicon): Compiled {
  let c = compiledCache.get(lexicon);
  if (!c) {
    const terms = [...lexicon.terms.values()];
    c = { lexicon, terms, matcher: new AhoCorasick(terms.map((t) => t.term.toLowerCase())) };
    compiledCache.set(lexicon, c);
  }
  return c;
}

/** Occurrences of terms, keeping only maximal ones (人行道 inside 人行道路 … counts once, the longer). */
export function matchTerms(text: string, lexicon: Lexicon = getLexicon()): Map<LexiconTerm, number> {
  const { matcher, terms } = compile(lexicon);
  const found = matcher.findAll(text.toLowerCase());
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const counts = new Map<LexiconTerm, number>();
  let coveredTo = -1;
  for (const m of found) {
    if (m.end <= coveredTo) continue; // inside a longer match
    coveredTo = Math.max(coveredTo, m.end);
    const term = terms[m.pattern] as LexiconTerm;
    counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return counts;
}

/** Scores a letter against every level-1 class of the lexicon. */
export function classifyLetter(
  title: string,
  content: string,
  lexicon: Lexicon = getLexicon(),
): LetterClassification {
  const inTitle = matchTerms(title, lexicon);
  const inBody = matchTerms(content, lexicon);
  const strength = new Map<LexiconTerm, number>();
  for (const t of new Set([...inTitle.keys(), ...inBody.keys()])) {
    const tf = TITLE_WEIGHT * (inTitle.get(t) ?? 0) + (inBody.get(t) ?? 0);
    strength.set(t, Math.log2(1 + tf));
  }
  const scores = new Map<string, { score: number; terms: Array<[string, number]> }>();
  for (const [t, s] of strength) {
    for (const [cls, w] of t.weights) {
      const e = upsert(scores, cls, () => ({ score: 0, terms: [] as Array<[string, number]> }));
      e.score += w * s;
      e.terms.push([t.term, w * s]);
    }
  }
  const ranking: ClassScore[] = [...scores]
    .map(([category, e]) => ({
      category,
      score: Math.round(e.score * 1000) / 1000,
      terms: e.terms.sort((a, b) => b[1] - a[1]).map(([term]) => term),
    }))
    .sort(
      (a, b) =>
        b.score - a.score || lexicon.classes.indexOf(a.category) - lexicon.classes.indexOf(b.category),
    );
  const best = ranking[0];
  if (!best) return { category: FALLBACK_CLASS, categoryPath: FALLBACK_CLASS, confidence: 0, ranking };
  const total = ranking.reduce((sum, r) => sum + r.score, 0);
  return {
    category: best.category,
    categoryPath: pathWithin(best.category, strength),
    confidence: Math.round((best.score / total) * 1000) / 1000,
    ranking,
  };
}

/** The deepest taxonomy path under `level1` that matched terms single out. */
function pathWithin(level1: string, strength: Map<LexiconTerm, number>): string {
  const level2 = new Map<string, number>();
  const level3 = new Map<string, number>();
  for (const [t, s] of strength) {
    const seen2 = new Set<string>();
    for (const row of t.rows) {
      if (row.level1 !== level1) continue;
      if (!seen2.has(row.level2)) {
        seen2.add(row.level2);
        level2.set(row.level2, (level2.get(row.level2) ?? 0) + s);
      }
      const k = `${row.level2}/${row.level3}`;
      level3.set(k, (level3.get(k) ?? 0) + s);
    }
  }
  const best2 = top(level2);
  if (!best2) return level1;
  const under = new Map([...level3].filter(([k]) => k.startsWith(`${best2}/`)));
  const best3 = top(under);
  return best3 ? `${level1}/${best3}` : `${level1}/${best2}`;
}

/** The key with the highest value when it is the only one with that value. */
function top(m: Map<string, number>): string | undefined {
  const sorted = [...m].sort((a, b) => b[1] - a[1]);
  const [first, second] = sorted;
  if (!first) return undefined;
  if (second && second[1] === first[1]) return undefined;
  return first[0];
}
