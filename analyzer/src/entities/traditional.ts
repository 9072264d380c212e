/**
 * Traditional → simplified for the analysis: about 930 common characters that differ,
 * as (traditional, simplified) pairs. Folding lets a post from Taiwan or Hong Kong (台灣, 瀋陽,
 * 香港警察) light up the same character, word and list features as its simplified form; the names
 * are still reported as written. Characters that are also ordinary simplified ones with another
 * use (著 in 著名, 乾 in 乾隆, 藉 in 狼藉) are left out on purpose.
 */
const PAIRS =
  '國国們们來来時时會会個个說说對对這这為为學学與与還还後后過过發发開开問问經经現现動动實实長长點点' +
  '樣样種种當当進进機机員员關关應应沒没電电見见體体氣气從从頭头無无東东車车區区門门間间聽听話话讓让' +
  '號号寫写畫画書书買买賣卖錢钱銀银鐵铁鋼钢陽阳陰阴雲云風风飛飞馬马魚鱼鳥鸟龍龙鳳凤貓猫島岛灣湾臺台' +
  '瀋沈遼辽寧宁蘇苏廣广豐丰義义烏乌魯鲁齊齐濟济漢汉滬沪閩闽贛赣粵粤瓊琼貴贵陝陕慶庆華华縣县鄉乡鎮镇' +
  '鄰邻莊庄園园場场橋桥樓楼廳厅館馆歷历曆历劉刘張张陳陈楊杨黃黄趙赵吳吴孫孙鄭郑謝谢韓韩馮冯鄧邓蕭萧' +
  '葉叶呂吕蔣蒋羅罗許许盧卢鍾钟鐘钟譚谭陸陆嚴严龔龚賀贺顧顾閻阎範范聶聂鮑鲍賈贾歐欧鄒邹湯汤萬万費费' +
  '喬乔鄔邬倫伦麥麦餘余於于習习溫温愛爱碼码網网絡络線线紅红綠绿藍蓝緊紧統统總总結结給给約约級级紙纸' +
  '組组織织終终續续練练細细維维記记設设論论評评試试詩诗請请讀读課课誰谁調调談谈講讲議议護护證证識识' +
  '譯译變变讚赞贊赞財财貨货質质資资賽赛購购貼贴貿贸負负責责敗败圓圆團团圖图報报壞坏塊块聲声處处備备' +
  '夠够夢梦媽妈婦妇寶宝審审將将專专尋寻導导屆届屬属歲岁嶺岭幣币帶带幫帮幹干廠厂廟庙廢废彈弹強强歸归' +
  '徵征復复憶忆懷怀戰战戲戏擇择擊击擁拥擔担據据擴扩擺摆攝摄敵敌數数斷断晉晋曬晒條条極极構构標标樹树' +
  '檢检權权歡欢決决況况測测溝沟滅灭滿满漁渔濕湿災灾熱热營营爭争爺爷牆墙狀状獨独獎奖環环產产畢毕異异' +
  '療疗盡尽監监盤盘眾众礦矿確确禮礼禍祸離离穩稳窮穷競竞筆笔節节簡简築筑類类糧粮罰罚罷罢聯联聖圣職职' +
  '肅肃脫脱腦脑臉脸興兴舉举舊旧艦舰藝艺藥药蘭兰蟲虫術术衛卫裝装裡里裏里補补製制複复規规視视親亲覺觉' +
  '觀观觸触計计訊讯訓训託托訪访詞词詢询該该誌志語语誤误諾诺謀谋謹谨豬猪貝贝貸贷賓宾賠赔賴赖趕赶跡迹' +
  '踐践軍军軟软載载輕轻輛辆輸输轉转辦办辭辞農农遲迟運运達达違违遠远適适選选遺遗邊边醫医醬酱釋释針针' +
  '釣钓鋪铺錄录錯错鍵键鏡镜閉闭閒闲閱阅闆板陣阵階阶際际隊队險险隱隐隨随雙双雜杂雞鸡難难靈灵響响頁页' +
  '頂顶項项順顺須须預预領领頻频題题額额顏颜願愿顯显飯饭飲饮驗验驚惊髮发鬥斗鬧闹鮮鲜鹽盐麗丽麼么黨党' +
  '齒齿龜龟億亿價价儀仪優优傳传傷伤僅仅債债側侧偽伪係系俠侠倉仓併并兒儿兩两內内冊册劃划劇剧則则剛刚' +
  '創创勞劳勝胜勢势勵励務务協协單单卻却參参啟启喪丧嗎吗嘆叹噴喷囉啰圍围壓压壩坝墳坟壯壮壽寿夥伙奪夺' +
  '奮奋妝妆寬宽寢寝屍尸層层岡冈峽峡崗岗嶼屿巖岩幾几廬庐彎弯徑径恆恒惡恶態态慣惯慘惨憂忧憲宪懸悬戶户' +
  '掃扫掛挂揮挥換换損损搖摇搶抢摟搂撐撑撥拨撫抚擋挡擠挤擬拟擾扰攜携敘叙斂敛昇升晝昼暫暂曉晓朧胧桿杆' +
  '棄弃棟栋榮荣槍枪樂乐樞枢樸朴橫横檔档櫃柜殘残殺杀殼壳毀毁漲涨滾滚潔洁潛潜澤泽濃浓濤涛瀏浏灑洒灘滩' +
  '燈灯燒烧煙烟爐炉犧牺猶犹獄狱獲获獻献瑪玛璽玺甦苏畝亩癒愈盜盗硃朱碩硕磚砖禦御稅税穀谷窩窝竊窃筍笋' +
  '糾纠紀纪純纯紛纷紮扎絕绝絲丝綁绑綜综緒绪編编緣缘縮缩績绩繩绳繪绘繼继罵骂聞闻聰聪膽胆臟脏艱艰蓋盖' +
  '薦荐薩萨蘋苹虛虚蠟蜡蠻蛮衝冲襲袭覽览訂订討讨訴诉診诊詳详誇夸認认誕诞誠诚諸诸謊谎譜谱豈岂貞贞貢贡' +
  '貪贪貫贯販贩貧贫貶贬賊贼賜赐賞赏賢贤賤贱趨趋躍跃軌轨較较輔辅輝辉輩辈轟轰辯辩邏逻郵邮醜丑釘钉鈴铃' +
  '鉛铅銳锐銷销鋒锋鍋锅鎖锁鑽钻閃闪閣阁闖闯隻只雖虽霧雾靜静韋韦頓顿頌颂頸颈頗颇顆颗颱台飄飘飽饱餅饼' +
  '餓饿駐驻駕驾騎骑騙骗騰腾驅驱驢驴驟骤髒脏鬆松鬍胡鴨鸭鵝鹅鶴鹤鷹鹰黴霉齡龄濱滨爾尔紐纽廈厦蓮莲錫锡' +
  '蕪芜閔闵鬱郁嶽岳邁迈衞卫濰潍臨临滄沧嘯啸鄲郸崑昆灤滦遷迁巒峦隴陇鎬镐嶗崂棗枣嵐岚陘陉紹绍瀾澜楓枫' +
  '蘆芦灃沣潯浔閬阆綿绵瀘泸銅铜錦锦鷺鹭鶯莺峴岘塢坞煩烦慮虑戀恋厭厌嚇吓亂乱蘿萝蔔卜韻韵譽誉囑嘱龐庞' +
  '寵宠屜屉爛烂鑰钥銘铭鑑鉴鑒鉴釀酿鈔钞鉤钩錶表鏈链闊阔閘闸隸隶韌韧頰颊頒颁頹颓顫颤颳刮飾饰饞馋餵喂' +
  '騷骚驕骄骯肮鬢鬓鱗鳞鴿鸽鵬鹏鹼碱齋斋們们麵面舖铺價价傑杰儘尽凱凯刪删劍剑勳勋匯汇廚厨喚唤團团' +
  '壇坛奧奥孃娘嬰婴尷尴幟帜廂厢彥彦慚惭懇恳揚扬摯挚攤摊攬揽暢畅楊杨歎叹殯殡氾泛灣湾濁浊瀟潇煉炼' +
  '猻狲瑋玮璣玑甕瓮痠酸瘋疯癡痴皚皑盞盏睏困礙碍祿禄禎祯稱称穎颖窯窑竄窜筧笕紳绅紋纹絨绒綱纲綢绸緝缉' +
  '緯纬縱纵繡绣繫系纏缠罈坛罌罂羨羡翹翘聳耸膚肤膩腻臺台舘馆艙舱蒼苍蔥葱蕩荡薑姜蘊蕴虧亏蝦虾蠶蚕衊蔑' +
  '襪袜覓觅覲觐訝讶詐诈詛诅誦诵諒谅諧谐謠谣譏讥讓让豎竖豔艳貳贰賬账賭赌贏赢贖赎趙赵跡迹蹤踪躉趸軋轧' +
  '軸轴輓挽輪轮轎轿辮辫遞递遜逊遙遥鄧邓醞酝鈍钝鉅巨銜衔鋸锯錘锤鍛锻鎊镑鏽锈鐲镯鑄铸閥阀闡阐陝陕隕陨' +
  '雛雏靄霭韆千頑顽顎颚颶飓饑饥饒饶餚肴饅馒駁驳駛驶騾骡驛驿鬱郁魷鱿鯉鲤鯨鲸鰻鳗鱷鳄鳴鸣鴻鸿' +
  '鵡鹉鷗鸥麩麸黷黩鼴鼹齣出龕龛' +
  // since 2026-11-24, for the whole analysis of posts in traditional script (憤怒, 懲罰, 週末)
  '憤愤懲惩濫滥譴谴塵尘傭佣勸劝匱匮厲厉啞哑囂嚣墜坠嬌娇屢屡巔巅彌弥徹彻慟恸慫怂懶懒懼惧撲扑撿捡攔拦斃毙' +
  '漸渐潰溃澆浇濺溅瀉泻牽牵獵猎癮瘾礎础竅窍紓纾綻绽緩缓縫缝繃绷纖纤翺翱聾聋脅胁腫肿艷艳衆众褲裤襯衬訛讹' +
  '詭诡誘诱諷讽謎谜譁哗讒谗賦赋賺赚贈赠踴踊躊踌輯辑轄辖迴回週周釁衅鈣钙閑闲闌阑雋隽靂雳饋馈鹵卤齲龋準准' +
  '執执墮堕弒弑彙汇惱恼憐怜拋抛挾挟捨舍掙挣揀拣摑掴撈捞攏拢暈晕曠旷槳桨樁桩殲歼氫氢沖冲淚泪淨净淺浅渦涡' +
  '溼湿滯滞漬渍潑泼澀涩濾滤瀕濒煥焕爍烁牘牍犢犊獅狮琺珐璉琏瓏珑甌瓯癱瘫皺皱睜睁矚瞩硯砚磯矶禪禅窪洼籃篮' +
  '籌筹紡纺絞绞綴缀繳缴羈羁脈脉膠胶臚胪薊蓟虜虏蝕蚀螢萤蠅蝇裊袅褻亵詠咏詬诟誅诛諮咨謄誊賄贿賂赂賑赈贓赃' +
  '蹺跷軀躯輿舆轍辙醖酝釐厘鈞钧鉀钾銓铨鋁铝鍍镀鏟铲闢辟顛颠飢饥餃饺髏髅鯊鲨鴉鸦鷄鸡齦龈揹背瑣琐餒馁潁颍' +
  '諜谍謗谤謙谦讖谶贍赡蹣蹒輾辗轆辘邐逦鄺邝醃腌鉗钳銬铐鋤锄錨锚鍬锹鎔熔鏢镖鑾銮闈闱闕阙雋隽霽霁靦腼鞏巩' +
  '韃鞑韜韬頜颌顱颅颼飕餞饯餡馅餿馊饜餍駭骇駱骆驥骥驪骊髖髋鬚须魘魇鯽鲫鰍鳅鱸鲈鳶鸢鴛鸳鴦鸯鵑鹃鵲鹊鷲鹫' +
  '黽黾鼇鳌齟龃齬龉';

let table: Uint16Array | undefined;

/** The simplified code unit for each UTF-16 code unit (itself where there is no mapping). */
export function simplifiedTable(): Uint16Array {
  if (!table) {
    table = new Uint16Array(0x10000);
    for (let c = 0; c < 0x10000; c++) table[c] = c;
    for (let i = 0; i + 1 < PAIRS.length; i += 2) {
      const from = PAIRS.charCodeAt(i);
      const to = PAIRS.charCodeAt(i + 1);
      if (table[from] === from) table[from] = to;
    }
  }
  return table;
}

/**
 * The simplified form of a text written in traditional script (same length, so offsets carry
 * over), or undefined for a simplified text: the tagger then runs jieba and its lists on this
 * form, which they know far better. A text counts as traditional with at least three characters
 * of the table, or one in twenty of a short text: a stray 於 or 後 in a simplified post does not
 * cost a second jieba run (its characters are folded for the features anyway).
 */
export function simplifiedForm(text: string): string | undefined {
  const t = simplifiedTable();
  let count = 0;
  for (let i = 0; i < text.length; i++) if (t[text.charCodeAt(i)] !== text.charCodeAt(i)) count++;
  if (count === 0 || (count < 3 && count * 20 < text.length)) return undefined;
  const units = new Uint16Array(text.length);
  for (let k = 0; k < text.length; k++) units[k] = t[text.charCodeAt(k)] as number;
  let out = '';
  for (let k = 0; k < units.length; k += 4096) out += String.fromCharCode(...units.subarray(k, k + 4096));
  return out;
}
