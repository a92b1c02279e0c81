// <cs-echart>: one Apache ECharts chart, fed an ECharts option object as JSON from Java (shared/ui/EChart).
// Only the chart types and components we use are imported, so the bundle carries a fraction of ECharts.
// Colours, text and font come from the Lumo custom properties in force where the element sits; decal patterns
// (the aria component) keep series apart without colour. A click on a data item fires 'cs-item-click'.
// See docs/decisions/DD019-charts-and-the-frontend-bundle.md.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// Success and error green and red are kept for the series that mean them (the server names them per series), so a
// neutral second series never reads as "good" and a third as "bad"
const PALETTE_PROPERTIES = [
  '--lumo-primary-color',
  '--lumo-contrast-60pct',
  '--lumo-warning-color',
  '--lumo-primary-color-50pct',
  '--lumo-contrast-30pct'
];

class CsEChart extends HTMLElement {
  constructor() {
    super();
    this._option = null;
  }

  /** The ECharts option as a JSON string (set from Java as a property). */
  set option(json) {
    this._option = json ? JSON.parse(json) : null;
    this._render();
  }

  get option() {
    return this._option ? JSON.stringify(this._option) : null;
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this._resizeObserver = new ResizeObserver(() => this._chart && this._chart.resize());
    this._resizeObserver.observe(this);
    this._render();
  }

  disconnectedCallback() {
    if (this._resizeObserver) {
      this._resizeObserver.disconnect();
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  /** Page coordinates of one bar's centre, or null: lets a test click a bar where a person would. */
  itemCenter(seriesIndex, dataIndex) {
    if (!this._chart) {
      return null;
    }
    const series = this._chart.getModel().getSeriesByIndex(seriesIndex);
    const layout = series && series.getData().getItemLayout(dataIndex);
    if (!layout || layout.width === undefined) {
      return null;
    }
    const box = this.getBoundingClientRect();
    return { x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2 };
  }

  _lumo(name, fallback) {
    const value = getComputedStyle(this).getPropertyValue(name).trim();
    return value || fallback;
  }

  _theme() {
    const text = this._lumo('--lumo-body-text-color', '#1a1a1a');
    const secondary = this._lumo('--lumo-secondary-text-color', '#666');
    const line = this._lumo('--lumo-contrast-20pct', '#ccc');
    const font = this._lumo('--lumo-font-family', 'sans-serif');
    const palette = PALETTE_PROPERTIES.map((p) => this._lumo(p, '')).filter((c) => c);
    return { text, secondary, line, font, palette };
  }

  _render() {
    if (!this.isConnected || !this._option) {
      return;
    }
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this._chart.on('click', (params) => {
        this.dispatchEvent(
          new CustomEvent('cs-item-click', {
            detail: { seriesIndex: params.seriesIndex, dataIndex: params.dataIndex }
          })
        );
      });
    }
    const theme = this._theme();
    const axis = {
      axisLabel: { color: theme.secondary, fontFamily: theme.font },
      axisLine: { lineStyle: { color: theme.line } },
      splitLine: { lineStyle: { color: theme.line } }
    };
    const option = Object.assign(
      {
        color: theme.palette,
        textStyle: { color: theme.text, fontFamily: theme.font },
        aria: { enabled: true, decal: { show: true } },
        tooltip: { trigger: 'item' },
        legend: { textStyle: { color: theme.text, fontFamily: theme.font } },
        grid: { containLabel: true, left: 8, right: 16, top: 40, bottom: 8 }
      },
      this._option
    );
    option.xAxis = Object.assign({}, axis, option.xAxis);
    option.yAxis = Object.assign({}, axis, option.yAxis);
    // a series that carries a meaning (breached, lost; met, won) names its Lumo colour as a custom property; the
    // rest take the palette in turn
    (Array.isArray(option.series) ? option.series : []).forEach((series) => {
      const color = series.itemStyle && series.itemStyle.color;
      if (typeof color === 'string' && color.startsWith('--')) {
        const value = this._lumo(color, '');
        if (value) {
          series.itemStyle.color = value;
        } else {
          delete series.itemStyle.color;
        }
      }
    });
    this._chart.setOption(option, true);
  }
}

customElements.define('cs-echart', CsEChart);
