import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type Expr, parseExpression, requiresTerm } from './expression.ts';

const RuleEntrySchema = z.union([
  z.string().min(1),
  z.strictObject({
    expr: z.string().min(1),
    /** How much one hit of this rule counts, 0..1 (default 1): weak signals get less. */
    weight: z.number().min(0).max(1).default(1),
    note: z.string().optional(),
  }),
]);

export const CategorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, - and _'),
  name: z.string().min(1).optional(),
  /** How serious a hit in this category is, 0..1. */
  severity: z.number().min(0).max(1).optional(),
  /** Codes in the national emergency-event classification this category covers (for reference). */
  taxonomy: z.array(z.string()).optional(),
  rules: z.array(z.unknown()).default([]),
  /** Expressions that veto the whole category for a text (drills, films, history …). */
  exclude: z.array(z.string().min(1)).default([]),
  /** In an override: drop this category. */
  disabled: z.boolean().default(false),
  /** In an override: `replace` the category (default) or `extend` its rules and exclusions. */
  mode: z.enum(['replace', 'extend']).default('replace'),
});

const RuleFileSchema = z.strictObject({
  version: z.literal(1).default(1),
  categories: z.array(z.unknown()),
});

export interface Rule {
  source: string;
  expr: Expr;
  weight: number;
}

export interface Category {
  id: string;
  name: string;
  /** 0..1; unset means DEFAULT_SEVERITY (an `extend` override without it keeps the base's). */
  severity?: number;
  taxonomy: string[];
  rules: Rule[];
  exclude: Rule[];
  disabled: boolean;
  mode: 'replace' | 'extend';
}

/** A problem in one category or rule; the rest of the file still loads. */
export interface RuleError {
  category?: string;
  /** Index of the rule in its category's `rules` (or `exclude` when `list` says so). */
  rule?: number;
  list?: 'rules' | 'exclude';
  message: string;
}

export interface RuleSet {
  categories: Category[];
  errors: RuleError[];
}

export class RuleFileError extends Error {
  override name = 'RuleFileError';
}

export const DEFAULT_SEVERITY = 0.6;

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/** Throws if the expression could fire on a text where none of its terms occur (e.g. `NOT x`). */
function compileExpression(source: string): Expr {
  const expr = parseExpression(source);
  if (!requiresTerm(expr)) throw new Error('the expression is true on a text with none of its terms');
  return expr;
}

function compileList(
  entries: unknown[],
  list: 'rules' | 'exclude',
  category: string,
  errors: RuleError[],
): Rule[] {
  const rules: Rule[] = [];
  entries.forEach((entry, index) => {
    const parsed = RuleEntrySchema.safeParse(entry);
    if (!parsed.success) {
      errors.push({ category, rule: index, list, message: zodMessage(parsed.error) });
      return;
    }
    const source = typeof parsed.data === 'string' ? parsed.data : parsed.data.expr;
    const weight = typeof parsed.data === 'string' ? 1 : parsed.data.weight;
    try {
      rules.push({ source, expr: compileExpression(source), weight });
    } catch (error) {
      errors.push({ category, rule: index, list, message: `${source}: ${(error as Error).message}` });
    }
  });
  return rules;
}

/**
 * Parses and validates a YAML rule file. A bad category or rule is left out and reported in
 * `errors` with its category id and index; only an unreadable file throws (RuleFileError).
 */
export function compileRules(yamlText: string): RuleSet {
  let doc: unknown;
  try {
    doc = parseYaml(yamlText);
  } catch (error) {
    throw new RuleFileError(`rule file is not valid YAML: ${(error as Error).message}`);
  }
  const file = RuleFileSchema.safeParse(doc ?? { categories: [] });
  if (!file.success) throw new RuleFileError(`rule file: ${zodMessage(file.error)}`);

  const errors: RuleError[] = [];
  const categories: Category[] = [];
  const seen = new Set<string>();
  file.data.categories.forEach((raw, index) => {
    const parsed = CategorySchema.safeParse(raw);
    const id = (raw as { id?: unknown } | null)?.id;
    const label = typeof id === 'string' ? id : `#${index}`;
    if (!parsed.success) {
      errors.push({ category: label, message: zodMessage(parsed.error) });
      return;
    }
    const c = parsed.data;
    if (seen.has(c.id)) {
      errors.push({ category: c.id, message: 'duplicate category id; the first one is kept' });
      return;
    }
    seen.add(c.id);
    const rules = compileList(c.rules, 'rules', c.id, errors);
    const exclude = compileList(c.exclude, 'exclude', c.id, errors);
    categories.push({
      id: c.id,
      name: c.name ?? c.id,
      ...(c.severity === undefined ? {} : { severity: c.severity }),
      taxonomy: c.taxonomy ?? [],
      rules,
      exclude,
      disabled: c.disabled,
      mode: c.mode,
    });
  });
  return { categories, errors };
}
