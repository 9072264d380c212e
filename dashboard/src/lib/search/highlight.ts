/** Splits text into plain and matching segments; the page wraps matches in <mark> (never HTML). */
export interface Segment {
  text: string;
  match: boolean;
}

export function highlightSegments(text: string, terms: readonly string[]): Segment[] {
  const needles = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  if (needles.length === 0 || text === '') return text ? [{ text, match: false }] : [];
  const lower = text.toLowerCase();
  const lowered = needles.map((n) => n.toLowerCase());
  const out: Segment[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const hit = lowered.find((n) => lower.startsWith(n, i));
    if (hit) {
      if (plain) out.push({ text: plain, match: false });
      plain = '';
      out.push({ text: text.slice(i, i + hit.length), match: true });
      i += hit.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  if (plain) out.push({ text: plain, match: false });
  return out;
}
