/**
 * `tokens` with each of the people found in the text (`names`) as one token where jieba cut the
 * name in pieces (李|双江 → 李双江) or its HMM glued one more character to it (华春莹答 → 华春莹), so
 * that keywords and topic terms name the person rather than a piece of the name (双江 is also a
 * county). Returns `tokens` itself when nothing changes.
 */
export function withWholeNames(tokens: string[], names: readonly string[]): string[] {
  if (names.length === 0) return tokens; // most documents: no allocation
  const candidates = names.filter((n) => n.length >= 2).sort((a, b) => b.length - a.length);
  if (candidates.length === 0) return tokens;
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i] as string;
    let name: string | undefined;
    let used = 1;
    for (const n of candidates) {
      if (token.length === n.length + 1 && token.startsWith(n)) {
        name = n;
        break;
      }
      if (token.length >= n.length || !n.startsWith(token)) continue;
      let joined = token;
      let j = i + 1;
      while (j < tokens.length && joined.length < n.length && n.startsWith(joined + tokens[j]))
        joined += tokens[j++];
      if (joined === n) {
        name = n;
        used = j - i;
        break;
      }
    }
    if (name !== undefined) {
      out ??= tokens.slice(0, i);
      out.push(name);
    } else out?.push(token);
    i += used;
  }
  return out ?? tokens;
}
