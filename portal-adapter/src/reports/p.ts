import * as echarts from 'echarts';

const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
c.setOption({
  animation: false,
  xAxis: { type: 'category', data: ['a<b&"c', 'b'] },
  yAxis: {},
  series: [{ type: 'line', data: [1, 2] }],
});
const s = c.renderToSVGString();
console.log(s.match(/a[^<]{0,30}b/g));
