/**
 * ECharts with only what the dashboard draws. The full `echarts` entry is a 1.1 MB chunk; each
 * chart, component or renderer a page needs is registered here.
 */
import { BarChart, GaugeChart, GraphChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import {
  GeoComponent,
  GraphicComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  PieChart,
  MapChart,
  GraphChart,
  GaugeChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  GraphicComponent,
  GeoComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

let chinaMap: Promise<void> | undefined;

/** Registers the shipped province map (static/data/geo, MIT licence) once, on first use. */
export function ensureChinaMap(): Promise<void> {
  chinaMap ??= fetch('/data/geo/china-provinces.json')
    .then((r) => {
      if (!r.ok) throw new Error(`map data: HTTP ${r.status}`);
      return r.json();
    })
    .then((geo) => echarts.registerMap('china', geo));
  return chinaMap;
}

export { echarts };
