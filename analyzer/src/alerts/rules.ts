import { ALERT_LEVELS, type AlertRuleRecord } from '@yuqing/schemas';
import { z } from 'zod';
import { AhoCorasick } from '../sensitivity/aho-corasick.ts';
import { type Expr, parseExpression, termsOf } from '../sensitivity/expression.ts';

/**
 * Alert rules (one department each). A `document` rule fires per analysed document when all of its
 * conditions hold; a `volume_spike` rule compares the documents of a scope in the last hour (or
 * day) with the 12 hours (14 days) before; a `negative_surge` rule watches each topic's negative
 * documents. See analyzer/src/alerts/README.md for examples.
 */

const Level = z.enum(ALERT_LEVELS);
const GB2260 = z.string().regex(/^\d{6}$/, 'a six-digit GB/T 2260 code');
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const ConditionSchema = z.discriminatedUnion('kind', [
  /** The expression language of the sensitivity rules (AND, OR, NOT, NEAR/n, quotes). */
  z.strictObject({ kind: z.literal('keyword'), expression: z.string().min(1) }),
  z.strictObject({
    kind: z.literal('sensitivity'),
    min: z.number().min(0).max(100),
    /** Only these categories count (ids or Chinese names, e.g. 群体性事件). */
    categories: z.array(z.string().min(1)).optional(),
  }),
  /** The opinion index (舆情指数) of the document, when the pipeline provides one. */
  z.strictObject({ kind: z.literal('index'), min: z.number() }),
  z.strictObject({ kind: z.literal('person'), names: z.array(z.string().min(2)).min(1) }),
  /** A province or city code covers everything inside it. */
  z.strictObject({ kind: z.literal('region'), codes: z.array(GB2260).min(1) }),
  z.strictObject({ kind: z.literal('negative'), maxScore: z.number().min(-1).max(1).default(0) }),
]);
export type Condition = z.infer<typeof ConditionSchema>;

export const NotifySchema = z.strictObject({
  /** Channel ids (table `channels`); the in-app alert needs none. */
  channels: z.array(z.string().min(1)).default([]),
  /** At most one notification per alert in this many minutes, unless its level rises. */
  minIntervalMinutes: z.number().min(0).default(30),
  /** A grown alert is notified again once it has this many times the documents last notified. */
  regrowthFactor: z.number().min(1).default(2),
  /** Beijing time; notifications below `exceptLevel` wait until the quiet hours end. */
  quietHours: z
    .strictObject({ start: ClockTime, end: ClockTime, exceptLevel: Level.default('red') })
    .optional(),
});
export type NotifyPolicy = z.infer<typeof NotifySchema>;

export const ScopeSchema = z.strictObject({
  regionCodes: z.array(GB2260).optional(),
  persons: z.array(z.string().min(1)).optional(),
  terms: z.array(z.string().min(1)).optional(),
  sensitivityCategories: z.array(z.string().min(1)).optional(),
  sensitivityMin: z.number().int().min(0).max(100).optional(),
  categories: z.array(z.string().min(1)).optional(),
});

const base = {
  id: z.string().min(1),
  departmentId: z.string().min(1),
  name: z.string().min(1),
  enabled: z.boolean().default(true),
  level: Level.default('yellow'),
  /** The alert's level rises as it grows: e.g. [{ documents: 20, level: 'orange' }]. */
  escalate: z.array(z.strictObject({ documents: z.number().int().min(1), level: Level })).default([]),
  notify: NotifySchema.default({ channels: [], minIntervalMinutes: 30, regrowthFactor: 2 }),
};

export const AlertRuleSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...base, type: z.literal('document'), when: z.array(ConditionSchema).min(1) }),
  z.strictObject({
    ...base,
    type: z.literal('volume_spike'),
    scope: ScopeSchema,
    window: z.enum(['hour', 'day']).default('hour'),
    zThreshold: z.number().min(0).default(3),
    minDocuments: z.number().int().min(1).default(10),
  }),
  z.strictObject({
    ...base,
    type: z.literal('negative_surge'),
    minNegative: z.number().int().min(1).default(5),
    minShare: z.number().min(0).max(1).default(0.5),
    zThreshold: z.number().min(0).default(2),
  }),
]);
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type DocumentRule = Extract<AlertRule, { type: 'document' }>;
export type SpikeRule = Extract<AlertRule, { type: 'volume_spike' }>;
export type SurgeRule = Extract<AlertRule, { type: 'negative_surge' }>;

/** A document rule with its keyword expressions parsed once. */
export interface CompiledDocumentRule {
  rule: DocumentRule;
  expressions: Map<Condition, Expr>;
  /** One automaton over every term of the rule's expressions, so a text is scanned once. */
  automaton: AhoCorasick;
}

export class AlertRuleError extends Error {
  override name = 'AlertRuleError';
  constructor(
    readonly ruleId: string,
    readonly issues: string[],
  ) {
    super(`alert rule ${ruleId}: ${issues.join('; ')}`);
  }
}

/** Validates a stored rule (the record's id, department and name win over the definition's). */
export function parseAlertRule(record: AlertRuleRecord): AlertRule {
  const definition = typeof record.definition === 'object' && record.definition ? record.definition : {};
  const parsed = AlertRuleSchema.safeParse({
    ...definition,
    id: record.id,
    departmentId: record.departmentId,
    name: record.name,
    enabled: record.enabled,
  });
  if (!parsed.success) {
    throw new AlertRuleError(
      record.id,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(rule)'}: ${i.message}`),
    );
  }
  if (parsed.data.type === 'document') compileDocumentRule(parsed.data);
  return parsed.data;
}

/** Parses the keyword expressions; an ExpressionError becomes an AlertRuleError naming the rule. */
export function compileDocumentRule(rule: DocumentRule): CompiledDocumentRule {
  const expressions = new Map<Condition, Expr>();
  for (const [i, condition] of rule.when.entries()) {
    if (condition.kind !== 'keyword') continue;
    try {
      expressions.set(condition, parseExpression(condition.expression));
    } catch (error) {
      throw new AlertRuleError(rule.id, [`when.${i}.expression: ${(error as Error).message}`]);
    }
  }
  const terms = new Set<string>();
  for (const expr of expressions.values()) termsOf(expr, terms);
  return { rule, expressions, automaton: new AhoCorasick([...terms]) };
}

const LEVEL_RANK: Record<string, number> = { '': -1, blue: 0, yellow: 1, orange: 2, red: 3 };
export const levelRank = (level: string): number => LEVEL_RANK[level] ?? -1;
