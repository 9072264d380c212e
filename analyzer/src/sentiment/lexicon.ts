/**
 * Hand-written word lists, written for yuqing (Apache-2.0 with the project). Third-party sentiment
 * lexicons are read only at training time and shipped inside the model as hashed ids.
 */

/** Words that negate what follows (scope: the next few tokens). */
// biome-ignore format: word list
export const NEGATIONS: ReadonlySet<string> = new Set([
  '不', '没', '没有', '无', '非', '未', '别', '莫', '勿', '甭', '木有', '没啥', '不是', '不会', '不能', '不要', '不用', '不必',
  '不该', '不曾', '未曾', '从不', '从未', '从没', '并非', '并不', '并没有', '绝不', '决不', '毫不', '毫无', '尚未', '并未', '绝非',
  '远非', '不怎么', '不太', '不大', '不算', '不够', '难以', '无法', '缺乏', '缺少', '谈不上', '算不上', '称不上', '不再', '别再', '没能',
]);

/** Degree adverbs and their strength (a multiplier on the lexicon polarity of the next word). */
// biome-ignore format: word list
export const DEGREE: ReadonlyMap<string, number> = new Map([
  ['最', 2], ['极', 2], ['极其', 2], ['极度', 2], ['非常', 1.8], ['十分', 1.8], ['特别', 1.8], ['超', 1.8], ['超级', 1.8],
  ['太', 1.8], ['好', 1.3], ['真', 1.5], ['真是', 1.5], ['实在', 1.6], ['简直', 1.8], ['相当', 1.6], ['格外', 1.6],
  ['尤其', 1.5], ['很', 1.5], ['挺', 1.3], ['蛮', 1.3], ['更', 1.4], ['更加', 1.5], ['越来越', 1.5], ['比较', 1.1],
  ['较', 1.1], ['还', 1.1], ['有点', 0.8], ['有些', 0.8], ['稍', 0.7], ['稍微', 0.7], ['略', 0.7], ['一点', 0.8],
  ['过于', 1.6], ['过分', 1.6], ['严重', 1.8], ['彻底', 1.8], ['完全', 1.6], ['根本', 1.6], ['到底', 1.3], ['竟然', 1.5],
  ['居然', 1.5],
]);

/**
 * Complaint and public-incident vocabulary (投诉, 维权, 曝光 …): what people write when something
 * went wrong with a company, an office or the authorities. Scored as negative evidence.
 */
// biome-ignore format: word list
export const COMPLAINT_WORDS: readonly string[] = [
  // complaint and rights defence
  '投诉', '举报', '维权', '曝光', '控诉', '申诉', '上访', '信访', '讨说法', '说法', '讨薪', '追讨', '索赔', '求助', '求救', '呼吁',
  '求转发', '扩散', '求扩散', '无人问津', '无人理睬', '没人管', '踢皮球', '推诿', '推脱', '敷衍', '搪塞', '拖延', '不予理睬', '石沉大海', '无果',
  '无门', '投诉无门', '维权难', '被骗', '骗局', '诈骗', '欺诈', '坑人', '霸王条款', '乱收费', '乱罚款', '退款', '拒不', '拒绝退款', '假货',
  // wages, land and housing
  '欠薪', '拖欠', '拖欠工资', '讨要', '克扣', '拆迁', '强拆', '暴力拆迁', '征地', '强征', '烂尾', '烂尾楼', '停工', '断供', '违建', '违规',
  '违法', '侵权', '侵占', '霸占',
  // officials and institutions
  '不作为', '乱作为', '懒政', '腐败', '贪污', '受贿', '行贿', '贪官', '黑幕', '内幕', '潜规则', '官官相护', '维稳', '打压', '打击报复',
  '报复', '包庇', '纵容', '失职', '渎职', '滥用职权', '暴力执法', '粗暴', '野蛮', '刁难', '特权', '黑心', '黑店', '无良', '丧尽天良', '草菅人命',
  '官商勾结', '权钱交易', '瞒报', '谎报', '隐瞒', '掩盖', '删帖', '封口', '压制', '谣言', '造谣', '辟谣', '通报', '问责', '追责',
  // incidents and harm
  '事故', '爆炸', '坍塌', '倒塌', '火灾', '起火', '泄漏', '污染', '排污', '毒', '有毒', '超标', '中毒', '食物中毒', '死亡', '身亡',
  '遇难', '伤亡', '受伤', '重伤', '致死', '殴打', '打人', '暴力', '施暴', '虐待', '猥亵', '性侵', '霸凌', '欺凌', '失踪', '被困', '堵塞',
  '瘫痪', '停水', '停电', '塌陷', '内涝', '涨价', '物价', '裁员', '失业', '讨债', '暴雷', '跑路', '非法集资', '传销', '医闹', '医疗事故',
  // reactions
  '愤怒', '气愤', '愤慨', '寒心', '心寒', '痛心', '心疼', '可怕', '恐怖', '害怕', '担心', '担忧', '焦虑', '恐慌', '不安', '绝望', '无奈',
  '无语', '失望', '悲哀', '可悲', '可耻', '无耻', '恶心', '畜生', '禽兽', '人渣', '败类', '垃圾', '严惩', '枪毙', '彻查', '严查', '查处',
  '天理', '王法', '良心', '公道', '冤', '冤枉', '委屈', '憋屈', '欺负', '欺压', '坑', '骗子', '凭什么', '为什么', '凭啥', '还有没有',
];

/**
 * Rhetorical and sarcastic turns (rhetorical questions, mock praise, resignation). Each match is a
 * feature whose weight is learned; they are not forced to be negative.
 */
export const PATTERNS: readonly [name: string, pattern: RegExp][] = [
  ['rhetorical-nandao', /难道.{0,20}[吗嘛么]/],
  ['rhetorical-pingshenme', /凭什么|凭啥/],
  ['rhetorical-zenme', /怎么(?:能|可以|好意思|就|还)|怎能|岂能|何以/],
  ['rhetorical-haiyou', /还有没有|有没有(?:人|天理|王法|良心)|天理何在|王法何在|良心何在/],
  ['rhetorical-shei', /谁(?:来)?(?:管|负责|买单)|有人管|没人管/],
  ['rhetorical-shenme', /什么时候(?:才|能)|到底(?:怎么|什么|要)|为什么(?:要|不|还|总)/],
  ['sarcasm-hehe', /呵呵|嘿嘿嘿|哈哈哈.{0,6}(?:可笑|讽刺)/],
  ['sarcasm-mock', /好一个|真是(?:好|太好)|真(?:行|厉害|有你的)|厉害了|醉了|服了|笑死|呵呵哒|可真是/],
  ['sarcasm-quote', /所谓的|号称|美其名曰|说好的/],
  ['resign', /算了吧|无语|无奈|心累|心寒|寒心|绝望|唉+|哎+/],
  ['demand', /(?:强烈)?(?:要求|呼吁|希望)(?:严惩|彻查|严查|查处|给个说法|公开|道歉|赔偿|处理)/],
  ['hope-good', /(?:祝|愿|希望)(?:大家|你|您|早日|一切|平安|顺利|健康)/],
  ['thanks', /谢谢|感谢|感恩|点赞|赞一个|支持/],
  ['question', /[?？]/],
  ['exclaim', /[!！]/],
  ['multi-exclaim', /[!！]{2,}/],
  ['multi-question', /[?？]{2,}|[?？][!！]|[!！][?？]/],
  ['ellipsis', /…|\.\.\.|。。。/],
];
