import type { CheerioAPI } from 'cheerio';

const CJK = '\\u4e00-\\u9fff';
/** One name token: Chinese characters (with ·), or a user name of letters, digits and a few marks. */
const TOKEN = `[${CJK}·•A-Za-z0-9_.&\\-]{2,24}`;
const NAMES = `(${TOKEN}(?:(?:\\s{1,3}|\\s*[、，,]\\s*)${TOKEN}){0,5})(?![${CJK}A-Za-z0-9])`;

/** Common Chinese surnames: a bare 2–4 character line is taken for a name only if it starts with one. */
const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split(
    '',
  ),
);
const COMPOUND_SURNAMES =
  /^(欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|尉迟|长孙|宇文|司徒|夏侯|公孙|端木|独孤|南宫|西门)/;
const looksLikeChineseName = (s: string): boolean =>
  s.length >= 2 && s.length <= 4 && (SURNAMES.has(s[0] as string) || COMPOUND_SURNAMES.test(s));

/** Words that follow a byline label but are not names. */
const NOT_A_NAME =
  /^(本报|本刊|本台|记者|来源|时间|日期|发表|发布|点击|浏览|阅读|评论|匿名|佚名|未知|不详|本站|admin|administrator|unknown|guest|none|null|the|and|size|color|font|style|class|[\d\-.:]+)$/i;
/** Outlets, not people. */
const ORG_SUFFIX =
  /(报|网|社|台|刊|站|部|局|委|办|厅|院|会|中心|频道|杂志|日报|晚报|新闻|集团|公司|大学|学院)$/;

/** Label → names patterns, most explicit first. `$` marks the names group. */
const PATTERNS: [RegExp, boolean][] = [
  [
    new RegExp(
      `(?:作\\s*者|撰\\s*稿人?|撰文|执笔人?|发贴人|发帖人|发表人|楼主|博主|发布者)\\s*[:：]\\s*${NAMES}`,
    ),
    true,
  ],
  [new RegExp(`(?:^|[^${CJK}])文\\s*[:：/／]\\s*${NAMES}`), true],
  [
    new RegExp(`(?:本报|本刊|本台|特约|实习|见习|驻\\S{1,4})?(?:记者|通讯员|实习生)\\s*[:：]?\\s*${NAMES}`),
    false,
  ],
  [new RegExp(`本贴由\\s*${NAMES}\\s*于`), true],
  // `本贴由大卫于2005年8月12日…`: no space to end the name, the date does.
  [/本贴由\s*([^\s于|]{2,24}?)\s*于\s*\d{4}/, true],
  [new RegExp(`(?:^|\\s)${NAMES}\\s*(?:发表于|发表在|发布于|于\\s*\\d{4}.{0,20}发表)`), true],
  [
    /(?<![Pp]owered\s)\b(?:posted\s+by|written\s+by|by)\s*[:：]?\s*([A-Za-z0-9_.\u4e00-\u9fff-]{2,24})/i,
    true,
  ],
];
const EDITOR = new RegExp(`(?:责任编辑|责编|编辑)\\s*[:：]\\s*${NAMES}`);
const SOURCE = /(?:来源|稿源|出处|来自)\s*[:：]\s*[[【]?\s*([^\s|｜/，,。;；:：)）】\]<>]{2,30})/;
/** A line that is only a byline: `胡平`, `赵延东、风笑天`, `[ 黄宇 ]`, `（袁源）`, `（姚峰 上海报道）`. */
const NAME_LINE = new RegExp(
  `^[\\[【（(]?\\s*(?:(?:本报|信报|特约)?记者\\s*)?((?:[${CJK}]{2,4}|[A-Za-z][\\w.]{1,20})(?:\\s*[、，,\\s]\\s*[${CJK}]{2,4}){0,4})\\s*(?:[${CJK}]{2,4}报道|/?摄)?\\s*[\\]】）)]?$`,
);

const isName = (s: string, loose: boolean): boolean => {
  if (NOT_A_NAME.test(s) || /^\d/.test(s)) return false;
  const han = s.match(new RegExp(`[${CJK}]`, 'g'))?.length ?? 0;
  if (han === s.length) return loose ? han >= 2 && han <= 6 && !ORG_SUFFIX.test(s) : looksLikeChineseName(s);
  return loose && /[A-Za-z\u4e00-\u9fff]/.test(s);
};

const cleanName = (s: string): string =>
  s.replace(/(发自\S*|报道|摄影?|\/摄|(?<=.{2})[报综]道)$/, '').replace(/^[（(]|[)）]$/g, '');

function namesFrom(raw: string, loose: boolean): string {
  const out: string[] = [];
  for (const part of raw.split(/\s*[、，,]\s*|\s+/)) {
    const name = cleanName(part.trim());
    if (!name) continue;
    if (/^(www|http)|\.(com|cn|net|org)\b/i.test(name)) break;
    // After the first name, only what clearly is another name (`记者 张三 李四`), not the next words.
    const latin = /^[A-Za-z]/.test(name) && /^[A-Za-z]/.test(out[0] ?? '');
    if (!isName(name, out.length === 0 ? loose : latin)) break;
    out.push(name);
  }
  return out.join(' ');
}

function byPatterns(text: string): string {
  for (const [re, loose] of PATTERNS) {
    for (const m of text.matchAll(new RegExp(re.source, `${re.flags}g`))) {
      const names = namesFrom(m[1] ?? '', loose);
      if (names) return names;
    }
  }
  return '';
}

export interface Byline {
  author: string;
  source: string;
}

export interface BylineText {
  /** Short lines between the headline and the body, and just after the body. */
  near: string;
  /** The lines between the headline and the body. */
  above: readonly string[];
  /** The first and last lines of the body (bylines such as `（记者 张三）` close many reports). */
  edges: readonly string[];
  pageText: string;
}

/**
 * Author and credited source: labels near the headline (`作者：`, `记者`, `本贴由…于`, `by`),
 * a line that is only names, metadata, the last line of the body, then the editor in charge.
 */
export function findByline($: CheerioAPI, text: BylineText): Byline {
  let author = byPatterns(text.near);
  if (!author) {
    for (const line of [...text.above, ...text.edges]) {
      const m =
        NAME_LINE.exec(line.trim()) ?? /[（(]\s*((?:记者\s*)?[^（()）]{2,20})\s*[)）]$/.exec(line.trim());
      const names = m?.[1] ? namesFrom(m[1].replace(/^记者\s*/, ''), false) : '';
      if (names) {
        author = names;
        break;
      }
    }
  }
  if (!author) {
    const meta =
      $('meta[name="author"]').attr('content') ??
      $('[itemprop="author"]').first().text() ??
      $('[class~="author"], [class~="writer"], [class~="byline"]').first().text();
    author = namesFrom((meta ?? '').replace(/^(作者|记者|by)\s*[:：]?\s*/i, '').trim(), true);
  }
  if (!author) {
    for (const line of text.above) {
      const m = new RegExp(`[\\[【(（]\\s*([${CJK}]{2,4})\\s*[\\]】)）]`).exec(line);
      if (m?.[1] && looksLikeChineseName(m[1])) {
        author = m[1];
        break;
      }
    }
  }
  if (!author) author = byPatterns(text.pageText.slice(0, 20_000));
  const editor = EDITOR.exec(text.near) ?? EDITOR.exec(text.pageText);
  if (!author && editor?.[1]) author = namesFrom(editor[1], true);
  let source = (SOURCE.exec(text.near)?.[1] ?? SOURCE.exec(text.pageText)?.[1] ?? '').replace(/[\]】]$/, '');
  if (!source) source = ($('meta[name="source"]').attr('content') ?? '').trim();
  // `来源：尹娟` credits a person, not an outlet.
  if (!author && source && isName(source, false)) author = source;
  return { author, source };
}
