/**
 * Words jieba tags as names of people, places or organisations that are ordinary nouns in posts
 * (city, depth, Sino-US relations …). Found by reading jieba's false positives on the Weibo NER
 * training split and on news text; kept short and generic.
 */
export const NOT_PERSON: ReadonlySet<string> = new Set(
  (
    '小时 小伙伴 小编 小孩 小朋友 小姐 小学 小心 小说 小区 老公 老婆 老师 老板 老人 老家 老虎 老鼠 老大 老子 ' +
    '阿姨 哥哥 姐姐 妹妹 弟弟 爸爸 妈妈 宝宝 亲爱 亲们 高兴 高考 高手 马上 马路 金钱 金牌 黄金 白天 白色 ' +
    '明天 明星 明白 文明 文化 安全 安静 平安 和平 华丽 时尚 司机 小米 淘宝 周末 周年 周边 方便 向往 江湖 ' +
    '林子 何时 何必 任务 任何 关注 关心 于是 常常 石头 毛病 程序 钟头 包子 于是乎 武汉 温暖 连连 万一 ' +
    '龙虾 凯迪 丁丁 田园 甘心 宁可 邓紫 容易 柏林 黎明 易于 郭敬明的 哈哈 呵呵 嘻嘻 嘿嘿 晚安 早安 祝福 ' +
    '谢谢 易经 盛夏 安逸 关怀 宁静 温馨 王八 金钱豹 高糖 林林总总 方向 高度 高速 高端 高层 马甲 白领 黄色 江山 林业 ' +
    // mosaic, airlines, and "X media" (韩媒 = the Korean press)
    '富翁 马赛克 马航 国航 东航 南航 川航 海航 韩媒 日媒 美媒 外媒 港媒 台媒 英媒 俄媒 德媒 法媒 官媒 央媒 党媒 自媒 ' +
    // brands, things and slang among the 400 persons found most often in the CED Weibo texts
    // (none of them a person in the MSRA, Weibo or CLUENER NER data)
    '星巴克 麦当劳 奥利奥 费列罗 谷歌 易迅 阿帕奇 马赫数 马拉松 吉尼斯 曲奇 杨梅 哈士奇 小兔子 熊宝宝 黄鸭 王子 ' +
    '帅哥 高帅富 狗哥 欧尼 王八蛋 次奥 约炮 恩恩 艾特 渣浪 米国 美帝 米帝 阿三 亚克西 江浙沪'
  ).split(' '),
);

export const NOT_PLACE: ReadonlySet<string> = new Set(
  (
    '城市 深度 中美关系 中美 中日 中外 全国 各地 当地 本地 外地 异地 内地 国内 国外 海外 境外 全球 世界 天下 ' +
    '南北 东西 东南 西北 东北 西南 华东 华南 华北 华中 中西部 西部 东部 南部 北部 中部 沿海 山区 农村 城乡 乡村 ' +
    '市区 郊区 城区 县城 小区 社区 街道 大陆 中西 南方 北方 江湖 人间 天堂 地狱 中华 ' +
    '西方 东方 远方 家乡 故乡 老家 校园 中原 江南 长城 欧美 亚太 两岸 港澳 港澳台 ' +
    '大城市 各乡镇 外省市 避风港 大关 新建 平原 江山 太阳 月亮 星星 东南西北 四面八方 五湖四海 天南地北'
  ).split(' '),
);

/** Endings of organisation names, longest first where one ends another. */
export const ORG_SUFFIXES: readonly string[] = (
  '委员会 人民政府 人民法院 人民检察院 检察院 法院 公安局 派出所 政府 局 厅 部 委 署 办 ' +
  '集团 公司 银行 大学 学院 中学 小学 学校 幼儿园 医院 卫生院 研究院 研究所 协会 学会 基金会 联合会 ' +
  '俱乐部 电视台 广播电台 报社 出版社 通讯社 杂志社 商会 工会 党委 支部 中心 事务所 合作社 旗舰店 酒店'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/**
 * Endings of place names below the division level: roads, sights, landmarks, villages (a list
 * feature of the tagger, which learns how far each one can be trusted).
 */
export const PLACE_SUFFIXES: readonly string[] = (
  '大街 大道 路 街 巷 胡同 弄 桥 广场 公园 花园 步行街 山 峰 岭 峡 谷 洞 湖 泉 池 潭 河 江 溪 湾 岛 海 瀑布 ' +
  '寺 庙 塔 宫 城 村 镇 乡 庄 屯 站 机场 车站 火车站 码头 港 景区 风景区 古镇 古城 故居 纪念馆 博物馆 ' +
  '体育馆 体育场 大厦 商场 小区 新村 园 苑'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** Tags that may start or continue an organisation name before its suffix. */
export const ORG_PARTS: ReadonlySet<string> = new Set([
  'ns',
  'nt',
  'nz',
  'nrt',
  'nr',
  'nrfg',
  'j',
  'eng',
  'n',
  'vn',
  'x',
]);
/** At least one part must be one of these, so that 这家公司 or 我们学校 are not organisations. */
export const ORG_PROPER: ReadonlySet<string> = new Set(['ns', 'nt', 'nz', 'nrt', 'nr', 'nrfg', 'j', 'eng']);
