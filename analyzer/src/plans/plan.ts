import { PLAN_SHARING, type PlanRecord } from '@yuqing/schemas';
import { z } from 'zod';
import { regionPrefix } from '../opinion-index/config.ts';
import { AhoCorasick, normalizeForMatch } from '../sensitivity/aho-corasick.ts';
import { evaluate, positiveTerms, type Span } from '../sensitivity/evaluate.ts';
import { type Expr, ExpressionError, termsOf } from '../sensitivity/expression.ts';
import { parsePlanExpression } from './expression.ts';

const GB2260 = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');

/** What a department edits; ids, versions and times are added by `savePlan`. */
export const PlanInputSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[\w-]{1,64}$/, 'letters, digits, _ and - (1 to 64)')
      .optional(),
    departmentId: z.string().min(1),
    name: z.string().trim().min(1).max(100),
    /** Keyword expression (plans/expression.ts); may be empty when watched persons are given. */
    expression: z.string().max(2000).default(''),
    /** Names of watched people; a document naming one matches. */
    persons: z.array(z.string().trim().min(2).max(30)).max(200).default([]),
    /** Only documents that name a place in one of these regions (a city covers its districts). */
    regionCodes: z.array(GB2260).max(200).default([]),
    /** Expressions whose match excludes a document. */
    exclusions: z.array(z.string().min(1).max(500)).max(50).default([]),
    sharing: z.enum(PLAN_SHARING).default('private'),
    enabled: z.boolean().default(true),
  })
  .refine((p) => p.expression.trim() !== '' || p.persons.length > 0, {
    message: 'a plan needs a keyword expression or watched persons',
    path: ['expression'],
  });
export type PlanInput = z.input<typeof PlanInputSchema>;
export type ValidPlanInput = z.output<typeof PlanInputSchema>;

/** A plan that does not validate; `field` names the first bad field as the API reports it. */
export class PlanError extends Error {
  override name = 'PlanError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Validates a plan and parses its expressions; the first problem is thrown as a PlanError. */
export function validatePlan(input: unknown): ValidPlanInput {
  const parsed = PlanInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const field = issue.path.join('.') || 'plan';
    throw new PlanError(`${field}: ${issue.message}`, field);
  }
  compileCriteria(parsed.data);
  return parsed.data;
}

/** A plan ready to match: expressions parsed, one automaton over all its words. */
export interface CompiledPlan {
  id: string;
  matchVersion: number;
  expr: Expr | null;
  exclusions: Expr[];
  persons: string[];
  regionPrefixes: string[];
  automaton: AhoCorasick;
}

type Criteria = Pick<ValidPlanInput, 'expression' | 'persons' | 'regionCodes' | 'exclusions'>;

function parseField(source: string, field: string): Expr {
  try {
    return parsePlanExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) throw new PlanError(`${field}: ${error.message}`, field);
    throw error;
  }
}

function compileCriteria(p: Criteria): Omit<CompiledPlan, 'id' | 'matchVersion'> {
  const expr = p.expression.trim() ? parseField(p.expression, 'expression') : null;
  const exclusions = p.exclusions.map((e, i) => parseField(e, `exclusions.${i}`));
  const persons = p.persons.map((n) => normalizeForMatch(n.trim()));
  const words = new Set<string>(persons);
  if (expr) termsOf(expr, words);
  for (const e of exclusions) termsOf(e, words);
  return {
    expr,
    exclusions,
    persons,
    regionPrefixes: p.regionCodes.map(regionPrefix),
    automaton: new AhoCorasick([...words]),
  };
}

export function compilePlan(plan: PlanRecord): CompiledPlan {
  return { id: plan.id, matchVersion: plan.matchVersion, ...compileCriteria(plan) };
}

/** What matching reads of a document: its text (title and body), person entities and regions. */
export interface MatchInput {
  text: string;
  persons: readonly string[];
  regionCodes: readonly string[];
}

export interface PlanMatch {
  terms: string[];
  persons: string[];
}

/**
 * A document matches when its expression holds or it names a watched person, it names a place
 * in the plan's regions (when the plan has any), and no exclusion holds.
 */
export function matchPlan(plan: CompiledPlan, doc: MatchInput): PlanMatch | null {
  if (plan.regionPrefixes.length > 0) {
    if (!doc.regionCodes.some((c) => plan.regionPrefixes.some((p) => c.startsWith(p)))) return null;
  }
  const hits = new Map<string, Span[]>();
  const patterns = plan.automaton.patterns;
  plan.automaton.scan(
    doc.text,
    (id, start, end) => {
      const term = patterns[id] as string;
      const spans = hits.get(term);
      if (spans) spans.push({ start, end });
      else hits.set(term, [{ start, end }]);
    },
    true,
  );
  const entityNames = new Set(doc.persons.map(normalizeForMatch));
  const persons = plan.persons.filter((p) => hits.has(p) || entityNames.has(p));
  const terms = new Set<string>();
  if (plan.expr && evaluate(plan.expr, hits) !== null) positiveTerms(plan.expr, hits, terms);
  if (terms.size === 0 && persons.length === 0) return null;
  if (plan.exclusions.some((e) => evaluate(e, hits) !== null)) return null;
  return { terms: [...terms], persons };
}
