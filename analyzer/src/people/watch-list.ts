import type { MentionVia, WatchedPersonRecord } from '@yuqing/schemas';
import { z } from 'zod';
import { AhoCorasick, normalizeForMatch } from '../sensitivity/aho-corasick.ts';

const Name = z.string().trim().min(2, 'at least 2 characters').max(30);

/** What a department edits about a watched person; `savePerson` adds version and times. */
export const WatchedPersonInputSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'letters, digits, _ and - (1 to 64)')
    .optional(),
  departmentId: z.string().min(1),
  name: Name,
  /** Other names the press uses (a courtesy name, a transliteration, 王市长 …). */
  aliases: z.array(Name).max(20).default([]),
  roles: z.array(z.string().trim().min(1).max(50)).max(10).default([]),
  note: z.string().max(500).default(''),
  enabled: z.boolean().default(true),
});
export type WatchedPersonInput = z.input<typeof WatchedPersonInputSchema>;

export class PersonError extends Error {
  override name = 'PersonError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export function validatePerson(input: unknown): z.output<typeof WatchedPersonInputSchema> {
  const parsed = WatchedPersonInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0] as z.core.$ZodIssue;
    const field = issue.path.join('.') || 'person';
    throw new PersonError(`${field}: ${issue.message}`, field);
  }
  return parsed.data;
}

export interface Mention {
  personId: string;
  matched: string;
  via: MentionVia;
}

/**
 * The enabled watch list compiled for matching: one automaton over every name and alias. A
 * person is mentioned when the entity recogniser found the name or an alias (`entity`), or, failing
 * that, when one occurs in the text (`text`).
 */
export class WatchList {
  private readonly automaton: AhoCorasick;
  /** Normalised name → the persons called so. */
  private readonly byName = new Map<string, Array<{ id: string; name: string }>>();
  /** Every name and alias as written, for jieba's user dictionary. */
  readonly names: readonly string[];

  constructor(people: readonly Pick<WatchedPersonRecord, 'id' | 'name' | 'aliases'>[]) {
    const names = new Set<string>();
    for (const p of people) {
      for (const name of new Set([p.name, ...p.aliases])) {
        const key = normalizeForMatch(name.trim());
        if (key.length < 2) continue;
        names.add(name.trim());
        const list = this.byName.get(key) ?? [];
        list.push({ id: p.id, name });
        this.byName.set(key, list);
      }
    }
    this.automaton = new AhoCorasick([...this.byName.keys()]);
    this.names = [...names];
  }

  get size(): number {
    return this.byName.size;
  }

  match(doc: { text: string; persons: readonly string[] }): Mention[] {
    const found = new Map<string, Mention>();
    for (const person of doc.persons) {
      for (const p of this.byName.get(normalizeForMatch(person)) ?? []) {
        if (!found.has(p.id)) found.set(p.id, { personId: p.id, matched: p.name, via: 'entity' });
      }
    }
    const patterns = this.automaton.patterns;
    this.automaton.scan(
      doc.text,
      (id) => {
        for (const p of this.byName.get(patterns[id] as string) ?? []) {
          if (!found.has(p.id)) found.set(p.id, { personId: p.id, matched: p.name, via: 'text' });
        }
      },
      true,
    );
    return [...found.values()];
  }
}
