import type { Category, RuleSet } from './rules.ts';

/**
 * A department's rules over the base rules: a category with a new id is added; one with an
 * existing id replaces it (`mode: replace`, the default), or adds its rules and exclusions to it
 * (`mode: extend`); `disabled: true` drops it. Errors of both sets are kept.
 */
export function mergeRules(base: RuleSet, override: RuleSet): RuleSet {
  const merged = new Map<string, Category>(base.categories.map((c) => [c.id, c]));
  for (const c of override.categories) {
    const current = merged.get(c.id);
    if (c.disabled) {
      merged.delete(c.id);
    } else if (current && c.mode === 'extend') {
      merged.set(c.id, {
        ...current,
        name: c.name === c.id ? current.name : c.name,
        severity: c.severity ?? current.severity,
        rules: [...current.rules, ...c.rules],
        exclude: [...current.exclude, ...c.exclude],
      });
    } else {
      merged.set(c.id, { ...c, mode: 'replace' });
    }
  }
  return {
    categories: [...merged.values()].filter((c) => !c.disabled),
    errors: [...base.errors, ...override.errors],
  };
}
