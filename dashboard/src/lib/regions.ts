/**
 * Provinces by GB/T 2260 code, with the short names the shipped map (static/data/geo) uses. The
 * analyzer stores 6-digit codes; the first two digits name the province.
 */
export const PROVINCES: ReadonlyArray<{ code: string; name: string }> = [
  { code: '110000', name: '北京' },
  { code: '120000', name: '天津' },
  { code: '130000', name: '河北' },
  { code: '140000', name: '山西' },
  { code: '150000', name: '内蒙古' },
  { code: '210000', name: '辽宁' },
  { code: '220000', name: '吉林' },
  { code: '230000', name: '黑龙江' },
  { code: '310000', name: '上海' },
  { code: '320000', name: '江苏' },
  { code: '330000', name: '浙江' },
  { code: '340000', name: '安徽' },
  { code: '350000', name: '福建' },
  { code: '360000', name: '江西' },
  { code: '370000', name: '山东' },
  { code: '410000', name: '河南' },
  { code: '420000', name: '湖北' },
  { code: '430000', name: '湖南' },
  { code: '440000', name: '广东' },
  { code: '450000', name: '广西' },
  { code: '460000', name: '海南' },
  { code: '500000', name: '重庆' },
  { code: '510000', name: '四川' },
  { code: '520000', name: '贵州' },
  { code: '530000', name: '云南' },
  { code: '540000', name: '西藏' },
  { code: '610000', name: '陕西' },
  { code: '620000', name: '甘肃' },
  { code: '630000', name: '青海' },
  { code: '640000', name: '宁夏' },
  { code: '650000', name: '新疆' },
  { code: '710000', name: '台湾' },
  { code: '810000', name: '香港' },
  { code: '820000', name: '澳门' },
];

const BY_CODE = new Map(PROVINCES.map((p) => [p.code, p.name]));

/** The province's short name for a code at any level (`440106` → 广东); '' when unknown. */
export function provinceName(code: string): string {
  return BY_CODE.get(`${code.slice(0, 2)}0000`) ?? '';
}
