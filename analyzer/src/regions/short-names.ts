/**
 * Short forms of division names (海淀区 → 海淀, 广西壮族自治区 → 广西, 恩施土家族苗族自治州 → 恩施),
 * without the ones that are also ordinary words (和平区 → 和平, 公安县 → 公安, 比如县 → 比如).
 */

const ETHNIC_GROUPS =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|' +
  '柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|' +
  '塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';

const SUFFIX = new RegExp(
  `^(.{2,}?)(?:(?:${ETHNIC_GROUPS})+族|维吾尔)*(?:自治区|自治州|自治县|自治旗|特别行政区|地区|林区|特区|新区|省|市|区|县|盟|旗)$`,
);

/**
 * Short forms that are everyday words (or better-known things) far more often than places. Drawn
 * from the short forms jieba's dictionary tags as something other than a place name, kept by hand.
 */
export const SHORT_NAME_STOP_LIST: ReadonlySet<string> = new Set(
  (
    '和平 新华 复兴 大名 运河 平定 长子 双桥 小店 永和 回民 元宝 振兴 太和 宏伟 灯塔 二道 丰满 平房 方正 木兰 延寿 建华 ' +
    '富裕 向阳 工农 友谊 龙凤 友好 前进 东风 新兴 阳明 爱民 六合 大观 定远 天长 明光 光泽 三元 清流 平和 莲花 万年 ' +
    '二七 老城 红旗 解放 博爱 台前 建安 民权 公安 芙蓉 天心 天元 洞口 石门 桃源 会同 中方 通道 凤凰 白云 光明 高明 ' +
    '新会 清新 城中 城北 城东 城西 城南 七星 资源 港口 兴业 来宾 海棠 天涯 东方 南岸 金牛 安居 前锋 名山 南部 九龙 ' +
    '白玉 大方 金沙 富民 麒麟 玉龙 威信 比如 阿里 太白 宝塔 延长 黄龙 武功 清水 高台 安定 合作 平安 互助 同仁 共和 ' +
    '同心 温泉 新星 白杨 市南 市北 市中 路南 路北 江岸 长安 城关 新城 江南 河东 河西 吉利 长寿 青山 东山 红山 海港 ' +
    '兴隆 新市 新民 新北 南海 开发 矿区 郊区 高新 经济 永福 文峰 石龙 金平 三门 五峰 中原 新区 铁山 城厢 安福 万安 ' +
    '永新 崇仁 大通 金水 牧野 惠民 建平 平顺 古交 正定 宝丰 西华 丰润 上党 大安 和顺 太康 富源 双塔 龙亭 天台 团结 ' +
    '商城 石棉 高密 鼓楼 钟楼 水城 月湖 金台 ' +
    // everyday words that Weibo posts use far more often than the place (a scan of 99k posts)
    '尼玛 上街 太平 双江 江山 新建 古城 安康 牡丹 无极'
  ).split(' '),
);

/**
 * Names that count only where the text (or the source's home) places them in their province:
 * "山东平原" is still 平原县, "平原地区" is nothing. In MSRA, Weibo NER and CLUENER
 * (`scripts/audit-region-names.ts`) each short form of the first lines was at least twice not a
 * place and no more often a place (大关, 白银, 平原, 大理石's 大理, 新干线's 新干, 连平 of a football
 * table, 吴江林, 《赤壁》); the next eight are words among the short forms most frequent in the
 * CED Weibo posts; the last line, full names that are common nouns too (any town's 老城区 or 东区,
 * a mine's 矿区, the revolution's 解放区), and 黑山, which is also Montenegro.
 */
export const NEEDS_CONTEXT: ReadonlySet<string> = new Set(
  (
    '大关 白银 大理 平原 大兴 大厂 新都 南明 中卫 连城 山城 连平 南城 满城 康乐 朝天 赤壁 新干 钢城 龙潭 白沙 ' +
    '吴江 西夏 青龙 阳春 民乐 中江 樟树 隆德 交口 五台 沿河 大田 全州 江华 花都 普洱 瑞丽 ' +
    '无为 万全 天桥 白水 鸡冠 湖里 海伦 东坡 ' +
    '老城区 新市区 城区 郊区 矿区 东区 西区 解放区 黑山'
  ).split(' '),
);

/** The short form of a division's name, or undefined when it has none worth matching. */
export function shortName(name: string): string | undefined {
  const m = SUFFIX.exec(name);
  const short = m?.[1];
  if (!short || short === name || short.length < 2 || SHORT_NAME_STOP_LIST.has(short)) return undefined;
  return short;
}

/**
 * Words that contain a division's name but are not about it (黄河南岸 is not 河南, 中山大学 is in
 * Guangzhou). They are matched like names and win as the longer or earlier match, hiding the name.
 */
export const NOT_REGION_WORDS: readonly string[] = (
  '黄河 长江 珠江 淮河 汉江 闽江 湘江 赣江 嘉陵江 松花江 黑龙江 中山大学 中山医院 中山装 中山公园 新华社 新华网 ' +
  '长安街 南海 东海 台海 湖北路 山东路 江西路 浙江路 江苏路 四川路 西藏路 南京路 北京路 上海路 广州路 大城市 ' +
  '三明治 小金人 无极限 锦江之星 北京时间 北海道 德州扑克 示范县 模范县 ' +
  // foreign places and a mountain that hold a division's name
  '多伦多 旧金山 盐湖城 黑山共和国 东海道 南澳州 南澳大利亚 紫金山'
).split(' ');
