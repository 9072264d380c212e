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
  /** For each term id, the rules (as `category << 16 | rule`) it can make true. */
  private readonly termRules: number[][];

  constructor(readonly ruleSet: RuleSet) {
    this.prepared = ruleSet.categories
      .filter((c) => !c.disabled)
      .map((category) => ({
        category,
        severity: category.severity ?? DEFAULT_SEVERITY,
        unconditional: category.rules.map((r) => !requiresTerm(r.expr)),
      }));
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
      if (category.rules.length > 0xffff) throw new Error(`category ${category.id} has too many rules`);
      for (const rule of [...category.rules, ...category.exclude]) {
        for (const term of termsOf(rule.expr)) {
          const list = termCategories[idOf(term)] as number[];
          if (list[list.length - 1] !== ci) list.push(ci);
        }
      }
      category.rules.forEach((rule, ri) => {
        for (const term of positiveTermsOf(rule.expr))
          (termRules[idOf(term)] as number[]).push((ci << 16) | ri);
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
    const hits = new Map<string, Span[]>();
    const candidates = new Set<number>();
    // The rules worth evaluating: those one of whose own terms occurred (the rest cannot be true).
    const triggered = new Set<number>();
    const patterns = this.automaton.patterns;
    this.automaton.scan(
      text,
      (id, start, end) => {
        const term = patterns[id] as string;
        const spans = hits.get(term);
        if (spans) spans.push({ start, end });
        else hits.set(term, [{ start, end }]);
        for (const ci of this.termCategories[id] as number[]) candidates.add(ci);
        for (const r of this.termRules[id] as number[]) triggered.add(r);
      },
      true,
    );

    const found: Array<{ id: string; strength: number; terms: string[] }> = [];
    for (const ci of [...candidates].sort((a, b) => a - b)) {
      const { category, severity, unconditional } = this.prepared[ci] as Prepared;
      const rules: number[] = [];
      for (let ri = 0; ri < category.rules.length; ri++)
        if (unconditional[ri] || triggered.has((ci << 16) | ri)) rules.push(ri);
      const hit = matchCategory(category, rules, hits);
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

/** Whether the category holds by the given rules (ascending indexes into its rules) and no exclusion. */
function matchCategory(
  category: Category,
  rules: readonly number[],
  hits: ReadonlyMap<string, Span[]>,
): { weight: number; terms: string[] } | null {
  let weight = -1;
  const terms = new Set<string>();
  for (const ri of rules) {
    const rule = category.rules[ri] as Rule;
    if (evaluate(rule.expr, hits) === null) continue;
    weight = Math.max(weight, rule.weight);
    positiveTerms(rule.expr, hits, terms);
  }
  if (weight < 0) return null;
  if (category.exclude.some((rule: Rule) => evaluate(rule.expr, hits) !== null)) return null;
  return { weight, terms: [...terms] };
}

const DEFAULT_RULES_URL = new URL('../../rules/sensitivity.yaml', import.meta.url);

/** The shipped rule file (analyzer/rules/sensitivity.yaml), compiled. */
export function loadDefaultRules(): RuleSet {
  return compileRules(readFileSync(DEFAULT_RULES_URL, 'utf8'));
}
