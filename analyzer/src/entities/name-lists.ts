/**
 * Common Chinese surnames (about 220 of the most frequent), single- and two-character, without those
 * that start ordinary words far more often than names (那, 来, 和, 海, 国 …).
 */
export const SURNAMES: ReadonlySet<string> = new Set([
  ...(
    '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金' +
    '石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章' +
    '鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟' +
    '艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲' +
    '虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺厉伊仝郜阚帅屠朴廉禹井祖漆卿狄索宣晋初扈晁芮阙' +
    '浦戈伏鹿薄邸雍辜裘亓邰赫杭逯茹慕亢嵇湛宾戎勾茅尉冶檀昝幸奉植衡富尧闭'
  ).split(''),
  ...'欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 轩辕 钟离 独孤 南宫 西门'.split(
    ' ',
  ),
]);

/** The hundred most common surnames: a two-character dictionary word needs one to count as a name. */
export const TOP_SURNAMES: ReadonlySet<string> = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  ),
);

/** Grammatical characters that do not end (or follow a surname in) a name: 应是, 干着, 康康要. */
export const NOT_IN_NAME =
  /[着了过的地得是在要说和与也就都还又很被把给让向从对等吧呢啊吗么你我他她它这那些个会能不没有去来到]/;

/** Countries and regions outside the mainland gazetteer, and world cities people often name. */
export const WORLD_PLACES: ReadonlySet<string> = new Set(
  (
    '中国 美国 日本 韩国 朝鲜 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 丹麦 芬兰 冰岛 爱尔兰 ' +
    '奥地利 波兰 捷克 匈牙利 希腊 土耳其 俄罗斯 乌克兰 白俄罗斯 加拿大 墨西哥 巴西 阿根廷 智利 秘鲁 哥伦比亚 古巴 ' +
    '澳大利亚 澳洲 新西兰 印度 巴基斯坦 孟加拉 尼泊尔 斯里兰卡 泰国 越南 老挝 柬埔寨 缅甸 马来西亚 新加坡 印尼 ' +
    '印度尼西亚 菲律宾 蒙古 哈萨克斯坦 伊朗 伊拉克 叙利亚 以色列 巴勒斯坦 约旦 沙特 阿联酋 卡塔尔 埃及 南非 ' +
    '尼日利亚 肯尼亚 埃塞俄比亚 摩洛哥 阿富汗 迪拜 东京 大阪 京都 首尔 釜山 纽约 洛杉矶 旧金山 华盛顿 芝加哥 ' +
    '波士顿 西雅图 夏威夷 拉斯维加斯 伦敦 巴黎 柏林 罗马 米兰 威尼斯 马德里 巴塞罗那 阿姆斯特丹 莫斯科 日内瓦 ' +
    '维也纳 布拉格 悉尼 墨尔本 温哥华 多伦多 曼谷 普吉岛 巴厘岛 马尔代夫 利物浦 曼彻斯特 慕尼黑 法兰克福 ' +
    '香港 澳门 台湾 台北 高雄 台中 九龙 新界 欧洲 亚洲 非洲 北美 南美 南极 北极 美洲 拉美 中东 东南亚 南亚 东亚 ' +
    '太平洋 大西洋 印度洋 地中海 长江 黄河 珠江 淮河 泰山 黄山 华山 峨眉山 珠穆朗玛峰 喜马拉雅 青藏高原'
  ).split(' '),
);
