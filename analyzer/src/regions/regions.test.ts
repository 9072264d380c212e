import { describe, expect, it } from 'vitest';
import { tagWords } from '../text/segment.ts';
import { findRegions, regionMentions } from './find-regions.ts';
import { getGazetteer } from './gazetteer.ts';
import { shortName } from './short-names.ts';

const named = (text: string, defaultRegion?: string) =>
  findRegions(text, defaultRegion ? { defaultRegion } : {}).map((r) => `${r.code}${r.implied ? '*' : ''}`);

describe('gazetteer', () => {
  it('holds provinces, cities and counties with six-digit codes', () => {
    const g = getGazetteer();
    expect(g.divisions.get('330106')).toMatchObject({ name: '西湖区', level: 'county', cityCode: '330100' });
    expect(g.divisions.get('110108')).toMatchObject({ name: '海淀区', provinceCode: '110000' });
    expect(g.divisions.get('110108')?.cityCode).toBeUndefined(); // municipalities: no 市辖区 city
    expect(g.divisions.size).toBeGreaterThan(3000);
  });

  it('makes short forms carefully', () => {
    expect(shortName('浙江省')).toBe('浙江');
    expect(shortName('内蒙古自治区')).toBe('内蒙古');
    expect(shortName('广西壮族自治区')).toBe('广西');
    expect(shortName('新疆维吾尔自治区')).toBe('新疆');
    expect(shortName('恩施土家族苗族自治州')).toBe('恩施');
    expect(shortName('海淀区')).toBe('海淀');
    expect(shortName('沛县')).toBeUndefined(); // one character
    expect(shortName('和平区')).toBeUndefined(); // an everyday word
    expect(shortName('公安县')).toBeUndefined();
  });
});

describe('findRegions', () => {
  it('matches full and short names and implies parents', () => {
    expect(named('北京市海淀区中关村发生一起交通事故')).toEqual(['110000', '110108']);
    expect(named('浙江杭州西湖边游客很多')).toEqual(['330000', '330100', '330106']);
    expect(named('海淀和西城的家长都在讨论')).toEqual(['110000*', '110102', '110108']);
    expect(named('内蒙古、广西、新疆三地联动')).toEqual(['150000', '450000', '650000']);
    expect(named('台北故宫博物院与高雄的展览')).toEqual(['710000']); // the code table stops at Taiwan's province
    const [province] = findRegions('杭州西湖区和余杭区');
    expect(province).toMatchObject({ code: '330000', level: 'province', mentions: 3, implied: true });
  });

  it('resolves ambiguous names by other places and the default region', () => {
    expect(named('朝阳区一小区停水')).toEqual([]); // Beijing or Changchun: not guessed
    expect(named('北京朝阳区一小区停水')).toEqual(['110000', '110105']);
    expect(named('长春市朝阳区一小区停水')).toEqual(['220000*', '220100', '220104']);
    expect(named('朝阳区一小区停水', '110000')).toEqual(['110000*', '110105']);
    expect(named('朝阳区一小区停水', '长春')).toEqual(['220000*', '220100*', '220104']);
    expect(named('辽宁朝阳')).toEqual(['210000', '211300']);
    expect(named('吉林')).toEqual(['220000']); // the province before the city of the same name
    expect(named('海南')).toEqual(['460000']); // not Qinghai's 海南州 nor Wuhai's 海南区
    expect(named('青海海南')).toEqual(['630000', '632500']);
    expect(named('南京鼓楼区')).toEqual(['320000*', '320100', '320106']);
  });

  it('does not read everyday words, streets or rivers as regions', () => {
    expect(named('和平是我们共同的愿望，公安机关比如说')).toEqual([]);
    expect(named('中山大学的学生在南京路逛街')).toEqual([]);
    expect(named('延安西路高架和四川北路都堵了')).toEqual([]); // roads named after places, with a direction
    expect(named('他们入住了龙泉山庄')).toEqual([]);
    expect(named('黄河南岸的风景')).toEqual([]);
    expect(named('今天天气很好')).toEqual([]);
    expect(named('菲律宾海岸警卫队将派船舰到黄岩岛')).toEqual([]);
    expect(named('墨尔本是澳大利亚的大城市')).toEqual([]);
  });

  it('takes a short name only where a word starts, when the words are given', () => {
    const text = '佛罗里达州的居民救起一只狗，达州的居民也来了';
    const tagged = tagWords(text);
    expect(named(text)).toEqual(['510000*', '511700']); // 达州 twice, once inside 佛罗里达州
    expect(findRegions(text, { tagged })[1]).toMatchObject({ code: '511700', mentions: 1 });
    expect(findRegions('佛罗里达州的居民', { tagged: tagWords('佛罗里达州的居民') })).toEqual([]);
  });

  it('takes no short name from an idiom or a foreign name that begins with one, but keeps a person of the place', () => {
    const withWords = (text: string) => findRegions(text, { tagged: tagWords(text) }).map((r) => r.name);
    expect(withWords('社会长治久安')).toEqual([]);
    expect(withWords('航班从吉隆坡飞往广州')).toEqual(['广东省', '广州市']);
    expect(withWords('男孩是扬州人，跳舞半年')).toEqual(['江苏省', '扬州市']);
    expect(withWords('浙江大学的学生')).toEqual(['浙江省']);
    expect(withWords('赛事将在中国香港举行，首都北京也有分会场')).toEqual(['北京市', '香港特别行政区']);
    // a name inside a word (光山 of 曝|光山, 张北 of 一张|北京) hides no other
    expect(withWords('记者曝光山东一家工厂，换来一张北京户口')).toEqual(['北京市', '山东省']);
  });

  it('takes no short name that ends inside a word, nor one that is an everyday word', () => {
    const withWords = (text: string) => findRegions(text, { tagged: tagWords(text) }).map((r) => r.name);
    expect(withWords('遇难者都安息吧')).toEqual([]); // 都|安息, not 都安县
    expect(withWords('服务集团和政企客户')).toEqual([]); // 和|政企, not 和政县
    expect(withWords('小明上街买菜，祝身体安康')).toEqual([]);
    expect(withWords('早餐吃三明治')).toEqual([]);
    expect(withWords('郑州上街区发生火灾')).toEqual(['河南省', '郑州市', '上街区']);
  });

  it('takes a short name that is mostly a word only where the text places it', () => {
    const withWords = (text: string, defaultRegion?: string) =>
      findRegions(text, { tagged: tagWords(text), ...(defaultRegion ? { defaultRegion } : {}) }).map(
        (r) => r.name,
      );
    expect(withWords('华北平原的小麦长势良好，白银价格大跌')).toEqual([]);
    expect(withWords('山东平原一家工厂起火')).toEqual(['山东省', '德州市', '平原县']);
    expect(withWords('平原一家工厂起火', '德州')).toEqual(['山东省', '德州市', '平原县']);
    expect(withWords('平原县一家工厂起火')).toEqual(['山东省', '德州市', '平原县']); // the full name needs nothing
    expect(withWords('比赛于北京时间今晨4时开始')).toEqual([]);
    expect(withWords('广州老城区的改造，矿区的道路，全国示范县')).toEqual(['广东省', '广州市']);
    expect(withWords('洛阳老城区的改造')).toEqual(['河南省', '洛阳市', '老城区']);
    expect(withWords('古代县城的规模，沿海城市的发展')).toEqual([]); // 古代|县城 is no 代县, 沿海|城市 no 海城市
    expect(withWords('盐湖城冬奥会，黑山共和国代表团，紫金山天文台')).toEqual([]);
  });

  it('gives each mention with the division it means', () => {
    const text = '山东平原和华北平原';
    expect(
      regionMentions(text, { tagged: tagWords(text) }).map((m) => [m.start, m.end, m.division.name]),
    ).toEqual([
      [0, 2, '山东省'],
      [2, 4, '平原县'],
    ]);
  });

  it('takes no short name that is a person the text names, or that person less the surname', () => {
    const text = '新闻发言人武平通报，仁川市长宋永吉前往武平县考察，张杰广州演唱会门票开售';
    const names = (persons?: string[]) => findRegions(text, { persons }).map((r) => r.name);
    expect(names()).toContain('永吉县');
    expect(names()).toContain('广州市');
    const without = names(['武平', '宋永吉', '张杰广州']);
    expect(without).not.toContain('永吉县'); // 宋 + 永吉
    expect(without).toContain('武平县'); // the full name still counts
    expect(without).toContain('广州市'); // 张杰 + 广州: a name, then a place
    expect(findRegions('新闻发言人武平通报任务进展', { persons: ['武平'] })).toEqual([]);
    expect(findRegions('新闻发言人武平通报任务进展').map((r) => r.name)).toContain('武平县');
  });
});
