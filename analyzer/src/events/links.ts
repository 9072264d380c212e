/** URLs written in a text (http and https), without trailing punctuation, at most `limit`. */
export function urlsIn(text: string, limit = 20): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>()（）【】「」，。；！？、]+/g)) {
    out.add(m[0].replace(/[.,;:!?]+$/, ''));
    if (out.size >= limit) break;
  }
  return [...out];
}
