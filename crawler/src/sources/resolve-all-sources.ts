import { getManagedSources, type ManagedSourceRecord, type Store } from '@yuqing/schemas';
import { type Source, SourceSchema } from './source-schema.ts';

/**
 * The sources file and the dashboard's `managed_sources` table, merged so they never fight:
 *
 * - an id defined in the file (enabled or not) is configured only there; a table row with the same
 *   id is ignored (`shadowed`) and the dashboard shows the file's source read-only;
 * - table rows add sources with other ids; the table's `enabled` column decides whether they run;
 * - a table row that fails the sources schema is reported (`problems`) and the others still run;
 * - when the table cannot be read, the file's sources still run (and that is a problem too).
 */

export interface ManagedSourceProblem {
  /** The row's id ('' when the whole table could not be read). */
  sourceId: string;
  /** The row's version, so a report can be made once per version. */
  updatedAt: string;
  /** Dotted path inside the definition, e.g. `urls.0`. */
  field?: string;
  message: string;
}

export interface AllSources {
  /** The file's sources in file order, then the table's for other ids, by id. */
  sources: Source[];
  origin: ReadonlyMap<string, 'file' | 'table'>;
  /** Table ids that the file defines too: the file's entry is used. */
  shadowed: string[];
  problems: ManagedSourceProblem[];
}

/** Validates one table row as a sources-file entry; its id and `enabled` come from the row's columns. */
export function parseManagedSource(row: ManagedSourceRecord): {
  source?: Source;
  problems: ManagedSourceProblem[];
} {
  const { id, updatedAt, definition } = row;
  if (definition === null || typeof definition !== 'object' || Array.isArray(definition)) {
    return { problems: [{ sourceId: id, updatedAt, message: 'the definition is not a JSON object' }] };
  }
  const parsed = SourceSchema.safeParse({ ...definition, id, enabled: row.enabled });
  if (parsed.success) return { source: parsed.data, problems: [] };
  return {
    problems: parsed.error.issues.map((issue) => ({
      sourceId: id,
      updatedAt,
      ...(issue.path.length > 0 ? { field: issue.path.map(String).join('.') } : {}),
      message: issue.message,
    })),
  };
}

/** The merge itself (pure): file sources win for the ids they define. */
export function mergeSources(
  fileSources: readonly Source[],
  managed: readonly ManagedSourceRecord[],
): AllSources {
  const origin = new Map<string, 'file' | 'table'>(fileSources.map((s) => [s.id, 'file']));
  const sources = [...fileSources];
  const shadowed: string[] = [];
  const problems: ManagedSourceProblem[] = [];
  for (const row of [...managed].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (origin.get(row.id) === 'file') {
      shadowed.push(row.id);
      continue;
    }
    if (origin.has(row.id)) continue; // the query returns one row per id; be safe anyway
    const parsed = parseManagedSource(row);
    problems.push(...parsed.problems);
    if (parsed.source) {
      sources.push(parsed.source);
      origin.set(row.id, 'table');
    }
  }
  return { sources, origin, shadowed, problems };
}

/** Reads the table and merges it with the file's sources (pass all of them, disabled ones too). */
export async function resolveAllSources(store: Store, fileSources: readonly Source[]): Promise<AllSources> {
  let managed: ManagedSourceRecord[];
  try {
    managed = await getManagedSources(store);
  } catch (err) {
    const message = `dashboard-managed sources could not be read: ${(err as Error).message}`;
    return {
      ...mergeSources(fileSources, []),
      problems: [{ sourceId: '', updatedAt: new Date().toISOString(), message }],
    };
  }
  return mergeSources(fileSources, managed);
}

/** One line per problem, for the log. */
export function formatManagedProblem(p: ManagedSourceProblem): string {
  const where = p.sourceId
    ? `managed source ${p.sourceId}${p.field ? `, field ${p.field}` : ''}`
    : 'managed sources';
  return `${where}: ${p.message}`;
}
