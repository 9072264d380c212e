import iconv from 'iconv-lite';

/** Encodings we decode; GB2312 and GBK are read as GB18030, their superset (sites mislabel them). */
export type Charset = 'utf-8' | 'gb18030' | 'big5' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedHtml {
  html: string;
  charset: Charset;
  /** Where the charset came from. */
  from: 'bom' | 'header' | 'meta' | 'detected';
}

const ALIASES: Record<string, Charset> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  gb18030: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'euc-cn': 'gb18030',
  hz: 'gb18030',
  big5: 'big5',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  'utf-16le': 'utf-16le',
  'utf-16be': 'utf-16be',
  'utf-16': 'utf-16le',
  // Latin-1 labels on Chinese pages are almost always wrong: let the bytes decide.
};

/** A charset label (from a header or a meta tag) to the decoder we use, or null if unknown. */
export function normaliseCharset(label: string | undefined | null): Charset | null {
  if (!label) return null;
  return (
    ALIASES[
      label
        .trim()
        .toLowerCase()
        .replace(/^["']|["']$/g, '')
    ] ?? null
  );
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined | null): Charset | null {
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType ?? '');
  return normaliseCharset(m?.[1]);
}

/** `<meta charset>` or `<meta http-equiv content="…charset=…">` (or an XML declaration) near the top. */
export function charsetFromMeta(bytes: Uint8Array): Charset | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString(
    'latin1',
  );
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return normaliseCharset(m?.[1]);
}

function fromBom(b: Uint8Array): Charset | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return 'utf-8';
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

/** Strict UTF-8 validity (a truncated last sequence is tolerated: responses get cut at the size limit). */
export function isValidUtf8(b: Uint8Array): boolean {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    const len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (len === 0) return false;
    if (i + len > n) return n - i < 4;
    for (let k = 1; k < len; k++) if (((b[i + k] as number) & 0xc0) !== 0x80) return false;
    i += len;
  }
  return true;
}

/** The most frequent characters of Chinese text, in simplified and traditional forms. */
const COMMON = new Set(
  '的一是不了在人有我他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴切试医答底细参微米讲职省依群母古证技报們這來國個說為會時後對過還見發開經問點從動現進當長間門體關與頭實學應麼無給這樣'.split(
    '',
  ),
);

function commonShare(text: string): number {
  let han = 0;
  let common = 0;
  let bad = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (code === 0xfffd) bad++;
    else if (code >= 0x4e00 && code <= 0x9fff) {
      han++;
      if (COMMON.has(ch)) common++;
    } else if (code >= 0xe000 && code <= 0xf8ff) bad++; // private use: a wrong decoder's tell
  }
  return han + bad === 0 ? 0 : (common - 3 * bad) / (han + bad);
}

/** Byte sniffing: valid UTF-8 wins; otherwise GB18030 or Big5, whichever reads as more ordinary Chinese. */
export function detectCharset(bytes: Uint8Array): Charset {
  const sample = bytes.subarray(0, 65_536);
  if (isValidUtf8(sample)) return 'utf-8';
  const buf = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  const gb = commonShare(iconv.decode(buf, 'gb18030'));
  const big5 = commonShare(iconv.decode(buf, 'big5'));
  return big5 > gb + 0.05 ? 'big5' : 'gb18030';
}

/**
 * Decodes a fetched page: BOM; then bytes that are valid UTF-8 (with some non-ASCII) are UTF-8
 * whatever the labels say (a GBK text is practically never valid UTF-8, while pages re-saved as
 * UTF-8 keep their old `charset=gb2312` meta); then the HTTP header, the page's meta tag, and
 * finally byte statistics (GB18030 vs Big5).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): DecodedHtml {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const bom = fromBom(bytes);
  if (bom) return { html: iconv.decode(buf, bom, { stripBOM: true }), charset: bom, from: 'bom' };
  const sample = bytes.subarray(0, 65_536);
  const utf8 = isValidUtf8(sample);
  const header = charsetFromContentType(contentType);
  const meta = charsetFromMeta(bytes);
  if (utf8 && (hasNonAscii(sample) || header === 'utf-8' || meta === 'utf-8')) {
    return {
      html: buf.toString('utf8'),
      charset: 'utf-8',
      from: header === 'utf-8' ? 'header' : meta === 'utf-8' ? 'meta' : 'detected',
    };
  }
  for (const [charset, from] of [
    [header, 'header'],
    [meta, 'meta'],
  ] as const) {
    if (!charset || charset === 'utf-8') continue;
    return { html: iconv.decode(buf, charset), charset, from };
  }
  const charset = detectCharset(bytes);
  return { html: iconv.decode(buf, charset), charset, from: 'detected' };
}

function hasNonAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] as number) >= 0x80) return true;
  return false;
}
