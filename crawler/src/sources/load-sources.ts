import { readFileSync } from 'node:fs';
import { isMap, isNode, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Source, SourceSchema } from './source-schema.ts';

/** A config entry that could not be used; the others still load. */
export interface SourceProblem {
  file: string;
  /** 1-based line of the offending field (or entry, or YAML error). */
  line: number;
  /** The entry's id, when it has a readable one. */
  sourceId?: string;
  /** Dotted path inside the entry, e.g. `startUrls.0`. */
  field?: string;
  message: string;
}

export interface LoadedSources {
  sources: Source[];
  problems: SourceProblem[];
}

/**
 * Reads `sources.yaml` (`sources:` is a list of entries). A missing file means no sources and no
 * problem; a bad entry becomes a problem with its line and field, and the valid entries still load.
 */
export function loadSources(file: string): LoadedSources {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { sources: [], problems: [] };
    return { sources: [], problems: [{ file, line: 0, message: `cannot read: ${(err as Error).message}` }] };
  }
  return parseSources(text, file);
}

/** The same as loadSources, from text already read. */
export function parseSources(text: string, file = 'sources.yaml'): LoadedSources {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined, fallback = 1): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : fallback;

  const problems: SourceProblem[] = doc.errors.map((e) => ({
    file,
    line: e.linePos?.[0].line ?? lineCounter.linePos(e.pos[0]).line,
    message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { sources: [], problems };

  const root = doc.contents;
  if (root === null) return { sources: [], problems: [] };
  const list = isMap(root) ? root.get('sources', true) : undefined;
  if (!isMap(root) || (list !== undefined && list !== null && !isSeq(list))) {
    const message = 'expected a mapping with a `sources:` list';
    return { sources: [], problems: [{ file, line: lineOf(root), field: 'sources', message }] };
  }
  if (!isSeq(list)) return { sources: [], problems: [] };

  const sources: Source[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, index) => {
    const node = item as Node;
    const entryLine = lineOf(node, lineOf(list));
    const raw: unknown = isNode(item) ? item.toJSON() : item;
    const id = isMap(node) ? node.get('id') : undefined;
    const sourceId = typeof id === 'string' ? id : undefined;
    const parsed = SourceSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(issueProblem(issue, node, entryLine, lineOf, file, sourceId ?? `#${index + 1}`));
      }
      return;
    }
    const firstLine = seen.get(parsed.data.id);
    if (firstLine !== undefined) {
      const message = `duplicate id "${parsed.data.id}" (first defined on line ${firstLine})`;
      problems.push({
        file,
        line: lineOf(isMap(node) ? node.get('id', true) : node, entryLine),
        sourceId,
        field: 'id',
        message,
      });
      return;
    }
    seen.set(parsed.data.id, entryLine);
    sources.push(parsed.data);
  });
  problems.sort((a, b) => a.line - b.line);
  return { sources, problems };
}

function issueProblem(
  issue: z.core.$ZodIssue,
  entry: Node,
  entryLine: number,
  lineOf: (node: Node | null | undefined, fallback?: number) => number,
  file: string,
  sourceId: string,
): SourceProblem {
  const path = issue.path.map(String);
  // The deepest node that exists along the path: the field itself, or its parent when it is missing.
  let line = entryLine;
  let current: unknown = entry;
  for (const key of path) {
    if (!isMap(current) && !isSeq(current)) break;
    const next = (current as { get(k: unknown, keepScalar: true): unknown }).get(
      isSeq(current) ? Number(key) : key,
      true,
    );
    if (next === undefined || next === null) break;
    current = next;
    line = lineOf(current as Node, line);
  }
  return {
    file,
    line,
    sourceId,
    ...(path.length > 0 ? { field: path.join('.') } : {}),
    message: issue.message,
  };
}

/** One line per problem, e.g. for the CLI and the source-health page. */
export function formatProblem(p: SourceProblem): string {
  const where = `${p.file}:${p.line}`;
  const what = [p.sourceId && `source ${p.sourceId}`, p.field && `field ${p.field}`]
    .filter(Boolean)
    .join(', ');
  return `${where}${what ? ` (${what})` : ''}: ${p.message}`;
}
