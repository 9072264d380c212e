import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { parseMachineDate } from '../extract/publish-time.ts';

/** Feeds and sitemaps are parsed leniently (htmlparser2 in XML mode never throws); names match without their prefix. */
export function parseXml(text: string): Element[] {
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: true });
  return elements(doc.children);
}

export function elements(nodes: readonly ChildNode[]): Element[] {
  return nodes.filter((n): n is Element => n.type === 'tag');
}

/** `news:publication_date` → `publication_date`, lower-cased. */
export function localName(el: Element): string {
  const name = el.name.toLowerCase();
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

export function childrenNamed(el: Element, name: string): Element[] {
  return elements(el.children).filter((c) => localName(c) === name);
}

export function childNamed(el: Element, ...names: string[]): Element | undefined {
  for (const name of names) {
    const found = elements(el.children).find((c) => localName(c) === name);
    if (found) return found;
  }
  return undefined;
}

/** The text of an element, CDATA included. */
export function textOf(el: Element | undefined): string {
  if (!el) return '';
  let out = '';
  const walk = (nodes: readonly ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') out += n.data;
      else if ('children' in n) walk(n.children as ChildNode[]);
    }
  };
  walk(el.children);
  return out.trim();
}

const BLOCK = /^(p|div|br|li|h[1-6]|tr|blockquote|section|article|pre|table|ul|ol)$/;

/** An HTML fragment (a feed item's content) as plain text, one paragraph a line. */
export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const parts: string[] = [];
  const walk = (nodes: readonly ChildNode[]) => {
    for (const n of nodes) {
      if (n.type === 'text') parts.push(n.data);
      else if (n.type === 'tag' || n.type === 'cdata') {
        const name = n.type === 'tag' ? n.name.toLowerCase() : '';
        if (name === 'script' || name === 'style') continue;
        if (BLOCK.test(name)) parts.push('\n');
        walk(n.children as ChildNode[]);
        if (BLOCK.test(name)) parts.push('\n');
      }
    }
  };
  walk(doc.children);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/**
 * A feed or sitemap date as ISO UTC: RFC 822 and ISO 8601 with a zone as given; a date without a
 * zone (`2024-05-06 10:20`, common on Chinese sites) in the site's zone (Asia/Shanghai by default).
 */
export function listingDate(value: string, timeZone?: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const zoned =
    /(Z|[+-]\d{2}:?\d{2}|\b(GMT|UTC|UT|[ECMP][SD]T)\b)$/i.test(v) || /^\d{4}-\d{2}-\d{2}$/.test(v);
  if (zoned) {
    const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
    if (!Number.isNaN(t)) return new Date(t).toISOString();
  }
  const local = parseMachineDate(v, timeZone ? { timeZone } : {});
  if (!local) return null;
  const t = Date.parse(local);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
