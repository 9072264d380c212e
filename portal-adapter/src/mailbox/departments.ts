/**
 * Suggested responsible department per taxonomy class (level 1, refined by level 2 where the
 * matter belongs elsewhere), named after the municipal agencies after the 2018 reform. A portal
 * renames them to its own units with `departmentOverrides` in `suggestDepartment`.
 */
export const DEPARTMENT_BY_LEVEL1: Readonly<Record<string, string>> = {
  城乡建设: '住房和城乡建设局',
  环境保护: '生态环境局',
  交通运输: '交通运输局',
  教育文体: '教育局',
  劳动和社会保障: '人力资源和社会保障局',
  卫生计生: '卫生健康委员会',
  商贸旅游: '市场监督管理局',
  政法: '公安局',
  民政: '民政局',
  国土资源: '自然资源和规划局',
  农村农业: '农业农村局',
  经济管理: '发展和改革委员会',
  科技与信息产业: '工业和信息化局',
  党务政务: '政府办公室',
  纪检监察: '纪委监委',
};

export const DEPARTMENT_BY_LEVEL2: Readonly<Record<string, string>> = {
  '城乡建设/城市建设和市政管理': '城市管理和综合执法局',
  '城乡建设/城乡规划': '自然资源和规划局',
  '城乡建设/国有土地上房屋征收与补偿': '房屋征收与补偿办公室',
  '城乡建设/集体土地上房屋拆迁与补偿': '房屋征收与补偿办公室',
  '城乡建设/安全生产': '应急管理局',
  '城乡建设/住房保障与房地产': '住房和城乡建设局',
  '交通运输/邮政管理': '邮政管理局',
  '教育文体/文化': '文化旅游广电体育局',
  '教育文体/文物管理': '文化旅游广电体育局',
  '教育文体/体育': '文化旅游广电体育局',
  '卫生计生/食品药品监管': '市场监督管理局',
  '商贸旅游/旅游管理': '文化旅游广电体育局',
  '商贸旅游/商业贸易': '商务局',
  '政法/法律服务': '司法局',
  '政法/法制建设': '司法局',
  '政法/刑罚执行': '司法局',
  '政法/行政复议': '司法局',
  '政法/诉讼': '人民法院',
  '政法/仲裁与调解': '司法局',
  '政法/交通管理': '公安局交通警察支队',
  '民政/优抚': '退役军人事务局',
  '民政/复退安置': '退役军人事务局',
  '民政/救灾募捐': '应急管理局',
  '农村农业/林业管理': '林业局',
  '农村农业/水利水电': '水利局',
  '农村农业/扶贫开发': '乡村振兴局',
  '农村农业/水库移民': '水利局',
  '国土资源/海洋气象地震': '气象局',
  '经济管理/金融财税': '财政局',
  '经济管理/保险证券期货': '地方金融监督管理局',
  '经济管理/国资监管': '国有资产监督管理委员会',
  '经济管理/安全生产': '应急管理局',
  '经济管理/能源管理': '发展和改革委员会',
  '科技与信息产业/科学技术': '科学技术局',
  '科技与信息产业/知识产权': '市场监督管理局（知识产权局）',
  '科技与信息产业/电信': '通信管理局',
  '党务政务/党的建设': '组织部',
  '党务政务/宣传舆论': '宣传部',
  '党务政务/民族宗教': '民族宗教事务局',
  '党务政务/港澳台侨': '统战部',
  '党务政务/政治体制': '人大常委会办公室 / 政协办公室',
  '党务政务/群众团体': '总工会',
  '劳动和社会保障/工资福利': '人力资源和社会保障局',
  '劳动和社会保障/劳动关系': '人力资源和社会保障局（劳动保障监察）',
};

/** The department for a category path (level1/level2/level3); level 2 wins over level 1. */
export function suggestDepartment(
  categoryPath: string,
  departmentOverrides: Readonly<Record<string, string>> = {},
): string {
  const [l1 = '', l2] = categoryPath.split('/');
  const key2 = l2 ? `${l1}/${l2}` : undefined;
  return (
    (key2 && departmentOverrides[key2]) ||
    departmentOverrides[l1] ||
    (key2 && DEPARTMENT_BY_LEVEL2[key2]) ||
    DEPARTMENT_BY_LEVEL1[l1] ||
    '政府办公室'
  );
}
