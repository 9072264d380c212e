import { readFileSync } from 'node:fs';
import { type NerLabel, TAGS } from './ner-model.ts';

/** A training or test sentence: its text and one tag id (`TAGS`) per UTF-16 code unit. */
export interface TaggedSentence {
  text: string;
  tags: Uint8Array;
}

const TAG_ID = new Map<string, number>(TAGS.map((t, i) => [t, i]));

/**
 * Labels of the BIO files mapped to ours: MSRA's PER/LOC/ORG; Weibo's named mentions (GPE is a
 * place). Weibo's nominal mentions (PER.NOM: 网友, 妈妈) are not names: they are read as O.
 */
const BIO_LABELS: Record<string, NerLabel | undefined> = {
  PER: 'PER',
  LOC: 'LOC',
  ORG: 'ORG',
  'PER.NAM': 'PER',
  'LOC.NAM': 'LOC',
  'GPE.NAM': 'LOC',
  'ORG.NAM': 'ORG',
};

/**
 * Reads `char<TAB>tag` lines (MSRA) or Weibo's `char<digit><TAB>tag` (the digit, the character's
 * position in its word, is dropped); a blank line ends a sentence.
 */
export function readBioTagged(path: string, { positionDigit = false } = {}): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let chars: string[] = [];
  let labels: string[] = [];
  const flush = () => {
    if (chars.length > 0) out.push(build(chars, labels));
    chars = [];
    labels = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const cut = line.lastIndexOf('\t') >= 0 ? line.lastIndexOf('\t') : line.lastIndexOf(' ');
    let ch = line.slice(0, cut);
    if (positionDigit && ch.length > 1 && /\d$/.test(ch)) ch = ch.slice(0, -1);
    chars.push(ch || ' ');
    const tag = line.slice(cut + 1).trim();
    const type = BIO_LABELS[tag.slice(2)];
    labels.push(type ? `${tag.slice(0, 2)}${type}` : 'O');
  }
  flush();
  return out;
}

/** One tag per code unit: a character of two code units (an emoji) continues its own tag. */
function build(chars: string[], labels: string[]): TaggedSentence {
  const tags: number[] = [];
  chars.forEach((ch, i) => {
    const label = labels[i] as string;
    let id = TAG_ID.get(label) ?? 0;
    // An I- without its B- (a label we dropped before it) starts the name.
    if (id % 2 === 0 && id > 0 && tags.at(-1) !== id && tags.at(-1) !== id - 1) id--;
    tags.push(id);
    for (let k = 1; k < ch.length; k++) tags.push(id === 0 ? 0 : id % 2 === 1 ? id + 1 : id);
  });
  return { text: chars.join(''), tags: Uint8Array.from(tags) };
}

/** How CLUENER's ten types map to ours; unmapped types (book, game, movie, position) are O. */
export type ClueMapping = Partial<Record<string, NerLabel>>;

interface ClueRow {
  text: string;
  label?: Record<string, Record<string, Array<[number, number]>>>;
}

/** CLUENER 2020 JSON lines: `{"text", "label": {type: {mention: [[start, endInclusive]]}}}`. */
export function readClueNer(path: string, mapping: ClueMapping): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line) as ClueRow;
    const tags = new Uint8Array(row.text.length);
    for (const [type, mentions] of Object.entries(row.label ?? {})) {
      const ours = mapping[type];
      if (!ours) continue;
      const b = TAG_ID.get(`B-${ours}`) as number;
      for (const spans of Object.values(mentions)) {
        for (const [start, end] of spans) {
          tags[start] = b;
          for (let k = start + 1; k <= end; k++) tags[k] = b + 1;
        }
      }
    }
    out.push({ text: row.text, tags });
  }
  return out;
}

/** A stable hash of a text, for held-out splits that do not depend on file order. */
export function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}

/** MSRA sentences held out for testing: one in twenty by text hash (the pack has no clean test split). */
export function isMsraHeldOut(text: string): boolean {
  return textHash(text) % 20 === 0;
}

/** Weibo train posts held out for model selection with `--validation`: one in five by text hash. */
export function isWeiboValidation(text: string): boolean {
  return textHash(`weibo:${text}`) % 5 === 0;
}

export const NER_FILES = {
  msra: 'ner/msra/dh_msra_char_bio.txt',
  weiboTrain: 'ner/weibo/weiboNER_2nd_conll.train',
  weiboDev: 'ner/weibo/weiboNER_2nd_conll.dev',
  clue: 'ner/cluener2020/train.jsonl',
} as const;
