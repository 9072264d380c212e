import { analyzeText } from '@yuqing/analyzer';
import { z } from 'zod';
import { classifyLetter } from './classify-letter.ts';
import { suggestDepartment } from './departments.ts';
import { letterTokens, type SimilarHit, SimilarLetters } from './similar.ts';
import { assessUrgency, type Urgency } from './urgency.ts';

/** One input line of `yuqing triage`; ids may be numbers in the wild and are echoed as given. */
export const LetterInputSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  title: z.string().default(''),
  content: z.string(),
  receivedAt: z.string().optional(),
});
export type LetterInput = z.input<typeof LetterInputSchema>;

export interface TriageEvidence {
  /** Top classes with their score and matched terms, strongest first. */
  classes: Array<{ category: string; score: number; terms: string[] }>;
  confidence: number;
  urgencySignals: string[];
  sentimentScore: number;
  sentimentTerms: string[];
  similar: SimilarHit[];
  simhash: string;
}

export interface TriageResult {
  id: string | number;
  category: string;
  categoryPath: string;
  department: string;
  urgency: Urgency;
  sentiment: 'negative' | 'neutral' | 'positive';
  similar: string[];
  regions: string[];
  persons: string[];
  evidence: TriageEvidence;
}

export interface TriageOptions {
  /** Portal-specific department names by level-1 class or `level1/level2`. */
  departmentOverrides?: Readonly<Record<string, string>>;
}

/**
 * Triage letters one after the other: each is compared with the letters triaged before it, so
 * feed them in the order they arrived.
 */
export class Triage {
  readonly #similar = new SimilarLetters();
  readonly #options: TriageOptions;

  constructor(options: TriageOptions = {}) {
    this.#options = options;
  }

  /** Counts an earlier letter (from the store) for similar-letter search without triaging it. */
  remember(id: string, title: string, content: string): void {
    this.#similar.add(id, letterTokens(title, content));
  }

  triage(input: LetterInput): TriageResult {
    const letter = LetterInputSchema.parse(input);
    const { title, content } = letter;
    const id = String(letter.id);
    const cls = classifyLetter(title, content);
    const analysis = analyzeText({ id, title, content, mediaType: 'other' });
    const urgency = assessUrgency(title, content);
    const tokens = letterTokens(title, content);
    const { hits, simhash } = this.#similar.find(tokens);
    this.#similar.add(id, tokens);
    return {
      id: letter.id,
      category: cls.category,
      categoryPath: cls.categoryPath,
      department: suggestDepartment(cls.categoryPath, this.#options.departmentOverrides),
      urgency: urgency.urgency,
      sentiment: analysis.sentiment.label,
      similar: hits.map((h) => h.id),
      regions: analysis.regions.map((r) => r.name),
      persons: analysis.persons,
      evidence: {
        classes: cls.ranking.slice(0, 3).map((r) => ({ ...r, terms: r.terms.slice(0, 6) })),
        confidence: cls.confidence,
        urgencySignals: urgency.signals,
        sentimentScore: Math.round(analysis.sentiment.score * 1000) / 1000,
        sentimentTerms: analysis.sentiment.evidence,
        similar: hits,
        simhash,
      },
    };
  }
}

/** Parses one line; the error names the field and says what is wrong. */
export function parseLetterLine(
  text: string,
): { ok: true; value: LetterInput } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const parsed = LetterInputSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
}
