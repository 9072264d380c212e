import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi.ts';

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
});
