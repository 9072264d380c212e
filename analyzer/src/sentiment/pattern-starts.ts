/**
 * The code units a match of any of some regexes can begin with, as a 64 Ki bitmap, so a scan can
 * skip the positions where no pattern can start. Understands the plain syntax the sentiment patterns
 * use (literals, escaped punctuation, classes, groups, alternation, quantifiers); anything else
 * (`.` first, `\d`, negated classes, anchors, flags) makes every position a possible start, which
 * is always correct, only slower.
 */

interface Parsed {
  /** Possible first code units; null when any may be. */
  first: Set<number> | null;
  /** Whether the part can match the empty string. */
  nullable: boolean;
}

class Unknown extends Error {}

class Parser {
  i = 0;
  constructor(readonly s: string) {}

  alternation(): Parsed {
    let first: Set<number> | null = new Set<number>();
    let nullable = false;
    for (;;) {
      const seq = this.sequence();
      if (seq.first === null) first = null;
      else if (first !== null) for (const c of seq.first) first.add(c);
      nullable ||= seq.nullable;
      if (this.s[this.i] !== '|') return { first, nullable };
      this.i++;
    }
  }

  sequence(): Parsed {
    let first: Set<number> | null = new Set<number>();
    let nullable = true;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const min = this.quantifier();
      if (nullable) {
        // `.` or \d where a match may begin: any code unit may
        if (atom.first === null) first = null;
        else if (first !== null) for (const c of atom.first) first.add(c);
        nullable = atom.nullable || min === 0;
      }
    }
    return { first, nullable };
  }

  atom(): Parsed {
    const c = this.s[this.i++] as string;
    if (c === '(') {
      if (this.s[this.i] === '?') {
        if (this.s[this.i + 1] !== ':') throw new Unknown(); // lookaround, named groups
        this.i += 2;
      }
      const inner = this.alternation();
      if (this.s[this.i++] !== ')') throw new Unknown();
      return inner;
    }
    if (c === '[') return this.charClass();
    if (c === '\\') {
      const e = this.escaped();
      return { first: e === null ? null : new Set([e]), nullable: false };
    }
    if (c === '.') return { first: null, nullable: false };
    if ('^$*+?{}]'.includes(c)) throw new Unknown();
    return { first: new Set([c.charCodeAt(0)]), nullable: false };
  }

  /** A backslash escape: one punctuation character (\. \? \\ …), or null for a class (\d \w \s). */
  escaped(): number | null {
    const c = this.s[this.i++];
    if (c !== undefined && 'dwsDWS'.includes(c)) return null;
    if (c === undefined || /[\p{L}\p{N}]/u.test(c)) throw new Unknown(); // \b \u… \1
    return c.charCodeAt(0);
  }

  charClass(): Parsed {
    if (this.s[this.i] === '^') throw new Unknown();
    const first = new Set<number>();
    while (this.s[this.i] !== ']') {
      if (this.i >= this.s.length) throw new Unknown();
      const from = this.classChar();
      if (this.s[this.i] === '-' && this.s[this.i + 1] !== ']') {
        this.i++;
        const to = this.classChar();
        for (let x = from; x <= to; x++) first.add(x);
      } else first.add(from);
    }
    this.i++;
    return { first, nullable: false };
  }

  classChar(): number {
    const c = this.s[this.i++] as string;
    if (c !== '\\') return c.charCodeAt(0);
    const e = this.escaped();
    if (e === null) throw new Unknown();
    return e;
  }

  /** Reads a quantifier if there is one and returns its minimum count (1 when none). */
  quantifier(): number {
    const c = this.s[this.i];
    let min = 1;
    if (c === '?' || c === '*') {
      min = 0;
      this.i++;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = /^\{(\d+)(,\d*)?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Unknown();
      min = Number(m[1]);
      this.i += m[0].length;
    } else return 1;
    if (this.s[this.i] === '?') this.i++; // lazy
    return min;
  }
}

/** Bitmap over UTF-16 code units: 1 where a match of one of `patterns` may start. */
export function patternStarts(patterns: readonly RegExp[]): Uint8Array {
  const starts = new Uint8Array(0x10000);
  try {
    for (const re of patterns) {
      if (re.flags.replace(/[gy]/g, '') !== '') throw new Unknown();
      const p = new Parser(re.source);
      const parsed = p.alternation();
      if (p.i !== re.source.length || parsed.nullable || parsed.first === null) throw new Unknown();
      for (const c of parsed.first) starts[c] = 1;
    }
  } catch (err) {
    if (!(err instanceof Unknown)) throw err;
    starts.fill(1);
  }
  return starts;
}
