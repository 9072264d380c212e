/**
 * ECharts with only what the dashboard draws. The full `echarts` entry is a 1.1 MB chunk; each
 * chart, component or renderer a page needs is registered here.
 */
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
