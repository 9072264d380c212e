import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';
import { DRAFT_ACTION_VALUES } from './publish/requests.ts';

/** Every `+server.ts` under routes/api, as an OpenAPI path (`[id]` → `{id}`). */
function apiRoutes(dir: string, prefix = '/api'): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name.startsWith('[...')) continue; // the JSON 404 for unknown paths
      out.push(...apiRoutes(full, `${prefix}/${name.replace(/^\[(\w+)\]$/, '{$1}')}`));
    } else if (name === '+server.ts') out.push(prefix);
  }
  return out;
}

describe('openApiDocument', () => {
  const doc = openApiDocument() as { openapi: string; paths: Record<string, unknown> };

  it('is OpenAPI 3.1', () => {
    expect(doc.openapi).toBe('3.1.0');
  });

  it('describes every API route', () => {
    const routes = apiRoutes(path.resolve(import.meta.dirname, '../../routes/api'));
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !(r in doc.paths))).toEqual([]);
  });

  it('describes request bodies from the zod schemas', () => {
    const post = (
      doc.paths['/api/admin/users'] as {
        post: { requestBody: { content: Record<string, { schema: { properties: object } }> } };
      }
    ).post;
    expect(Object.keys(post.requestBody.content['application/json']?.schema.properties ?? {})).toEqual(
      expect.arrayContaining(['username', 'password', 'roles', 'departmentId']),
    );
  });

  it('enumerates the publishing actions, marks the feeds public and lists the report formats', () => {
    type Op = {
      parameters?: { name: string; schema: { enum?: string[] } }[];
      security?: unknown[];
      responses: Record<string, { content?: Record<string, unknown> }>;
    };
    const op = (p: string, m: string) => (doc.paths[p] as Record<string, Op>)[m] as Op;
    const action = op('/api/publish/drafts/{id}/{action}', 'post').parameters?.find(
      (p) => p.name === 'action',
    );
    expect(action?.schema.enum).toEqual([...DRAFT_ACTION_VALUES]);
    expect(op('/feeds/{column}/{format}', 'get').security).toEqual([]);
    expect(op('/api/publish/drafts', 'get').security).toBeUndefined();
    expect(Object.keys(op('/api/reports', 'get').responses['200']?.content ?? {})).toEqual([
      'text/html',
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ]);
  });
});
