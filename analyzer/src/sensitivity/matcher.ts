import { readFileSync } from 'node:fs';
import { AhoCorasick } from './aho-corasick.ts';
import { evaluate, positiveTerms, type Span } from './evaluate.ts';
import { positiveTermsOf, requiresTerm, termsOf } from './expression.ts';
import { type Category, compileRules, DEFAULT_SEVERITY, type Rule, type RuleSet } from './rules.ts';

export interface SensitivityInput {
  /** How negative the text is, 0..1 (from the sentiment stage). */
  negativity: number;
  /** How authoritative and far-reaching the source is, 0..1 (state media 1, an anonymous post ~0.2). */
  authority: number;
}

export interface SensitivityResult {
  /** 0..100; 0 when no category is hit. */
  score: number;
  /** Category ids hit, strongest first. */
  categories: string[];
  evidence: Array<{ category: string; terms: string[] }>;
}

interface Prepared {
  category: Category;
  severity: number;
  /** Per rule, whether it can be true without one of its own terms in the text (say `NOT a OR b`). */
  unconditional: boolean[];
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);

/**
 * Scores texts against a rule set. The automaton over every term of every rule is built once in
 * the constructor; `match` scans a text once and evaluates only the rules one of whose terms
 * occurred. Instances are immutable and safe to share.
 */
export class SensitivityMatcher {
  private readonly automaton: AhoCorasick;
  private readonly prepared: Prepared[];
  /** For each term id, the categories that use it. */
  private readonly termCategories: number[][];
  /** For each term id, the rules (as `ruleBase[category] + rule`) it can make true. */
  private readonly termRules: number[][];
  /** Where each category's rules start in `triggered`. */
  private readonly ruleBase: number[];
  // Scratch of `match`, reset by each call (JS runs one at a time): a text's term occurrences,
  // its candidate categories and triggered rules, with no Map, Set or closure per text.
  private hitCount = 0;
  private readonly hitIds: number[] = [];
  private readonly hitStarts: number[] = [];
  private readonly hitEnds: number[] = [];
  private readonly candidates: Uint8Array;
  private readonly triggered: Uint8Array;
  private readonly onHit = (id: number, start: number, end: number): void => {
    // written by index, never truncated: `length = 0` would drop the arrays' storage
    const k = this.hitCount++;
    this.hitIds[k] = id;
    this.hitStarts[k] = start;
    this.hitEnds[k] = end;
    for (const ci of this.termCategories[id] as number[]) this.candidates[ci] = 1;
    for (const r of this.termRules[id] as number[]) this.triggered[r] = 1;
  };

  constructor(readonly ruleSet: RuleSet) {
    this.prepared = ruleSet.categories
      .filter((c) => !c.disabled)
      .map((category) => ({
        category,
        severity: category.severity ?? DEFAULT_SEVERITY,
        unconditional: category.rules.map((r) => !requiresTerm(r.expr)),
      }));
    this.ruleBase = [];
    let rules = 0;
    for (const { category } of this.prepared) {
      this.ruleBase.push(rules);
      rules += category.rules.length;
    }
    this.candidates = new Uint8Array(this.prepared.length);
    this.triggered = new Uint8Array(rules);
    const termIds = new Map<string, number>();
    const termCategories: number[][] = [];
    const termRules: number[][] = [];
    const idOf = (term: string): number => {
      let id = termIds.get(term);
      if (id === undefined) {
        id = termIds.size;
        termIds.set(term, id);
        termCategories.push([]);
        termRules.push([]);
      }
      return id;
    };
    this.prepared.forEach(({ category }, ci) => {
      for (const rule of [...category.rules, ...category.exclude]) {
        for (const term of termsOf(rule.expr)) {
          const list = termCategories[idOf(term)] as number[];
          if (list[list.length - 1] !== ci) list.push(ci);
        }
      }
      category.rules.forEach((rule, ri) => {
        for (const term of positiveTermsOf(rule.expr))
          (termRules[idOf(term)] as number[]).push((this.ruleBase[ci] as number) + ri);
      });
    });
    this.termCategories = termCategories;
    this.termRules = termRules;
    this.automaton = new AhoCorasick([...termIds.keys()]);
  }

  static fromYaml(yamlText: string): SensitivityMatcher {
    return new SensitivityMatcher(compileRules(yamlText));
  }

  match(text: string, input: SensitivityInput): SensitivityResult {
    const { hitIds, hitStarts, hitEnds, candidates, triggered } = this;
    this.hitCount = 0;
    candidates.fill(0);
    triggered.fill(0);
    this.automaton.scan(text, this.onHit, true);
    // A text without a term is done.
    if (this.hitCount === 0) return { score: 0, categories: [], evidence: [] };

    const hits = new Map<string, Span[]>();
    const patterns = this.automaton.patterns;
    for (let k = 0; k < this.hitCount; k++) {
      const term = patterns[hitIds[k] as number] as string;
      const span = { start: hitStarts[k] as number, end: hitEnds[k] as number };
      const spans = hits.get(term);
      if (spans) spans.push(span);
      else hits.set(term, [span]);
    }

    const found: Array<{ id: string; strength: number; terms: string[] }> = [];
    for (let ci = 0; ci < candidates.length; ci++) {
      if (candidates[ci] === 0) continue;
      // The rules worth evaluating: those one of whose own terms occurred (the rest cannot be true).
      const { category, severity, unconditional } = this.prepared[ci] as Prepared;
      const hit = matchCategory(category, unconditional, triggered, this.ruleBase[ci] as number, hits);
      if (!hit) continue;
      const breadth = Math.min(1, 0.7 + 0.15 * (hit.terms.length - 1));
      found.push({ id: category.id, strength: severity * hit.weight * breadth, terms: hit.terms });
    }
    if (found.length === 0) return { score: 0, categories: [], evidence: [] };

    found.sort((a, b) => b.strength - a.strength);
    const combined = 1 - found.reduce((p, f) => p * (1 - f.strength), 1);
    const context = 0.55 + 0.3 * clamp01(input.negativity) + 0.15 * clamp01(input.authority);
    return {
      score: Math.max(1, Math.round(100 * combined * context)),
      categories: found.map((f) => f.id),
      evidence: found.map((f) => ({ category: f.id, terms: f.terms })),
    };
  }
}

/**
 * Whether the category holds by one of its rules worth evaluating (`unconditional`, or
 * `triggered` from `base` on) and no exclusion.
 */
function matchCategory(
  category: Category,
  unconditional: readonly boolean[],
  triggered: Uint8Array,
  base: number,
  hits: ReadonlyMap<string, Span[]>,
): { weight: number; terms: string[] } | null {
  let weight = -1;
  let terms: Set<string> | undefined;
  for (let ri = 0; ri < category.rules.length; ri++) {
    const rule = category.rules[ri] as Rule;
    if ((!unconditional[ri] && triggered[base + ri] === 0) || evaluate(rule.expr, hits) === null) continue;
    weight = Math.max(weight, rule.weight);
    terms ??= new Set();
    positiveTerms(rule.expr, hits, terms);
  }
  if (weight < 0) return null;
  if (category.exclude.some((rule: Rule) => evaluate(rule.expr, hits) !== null)) return null;
  return { weight, terms: [...(terms as Set<string>)] };
}

const DEFAULT_RULES_URL = new URL('../../rules/sensitivity.yaml', import.meta.url);

/** The shipped rule file (analyzer/rules/sensitivity.yaml), compiled. */
export function loadDefaultRules(): RuleSet {
  return compileRules(readFileSync(DEFAULT_RULES_URL, 'utf8'));
}
