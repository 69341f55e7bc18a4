// <yz-chart>: draws the ECharts option the server wrote as JSON inside it
//   <yz-chart aria-labelledby="cap"><script type="application/json">{...option...}</script></yz-chart>
// The page always has the same numbers as a table beside the chart; without JavaScript the table is the figure.
// Only the parts of ECharts the portal uses are imported (bar and pie, SVG), so the island stays small.
import { LitElement, html, css } from 'lit';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

const PALETTE = ['#9c2a1d', '#1a6b3a', '#0b4f8a', '#b7791f', '#6b4c9a', '#50575e'];

class YzChart extends LitElement {
  static styles = css`
    :host { display: block; width: 100%; min-height: 16rem; }
    .plot { width: 100%; height: 18rem; }
  `;

  firstUpdated() {
    const source = this.querySelector('script[type="application/json"]');
    if (!source) return;
    let option;
    try {
      option = JSON.parse(source.textContent);
    } catch (e) {
      return; // the table beside it still says everything
    }
    option.color = option.color || PALETTE;
    const plot = this.renderRoot.querySelector('.plot');
    this.chart = echarts.init(plot, null, { renderer: 'svg' });
    this.chart.setOption(option);
    this.resizer = new ResizeObserver(() => this.chart && this.chart.resize());
    this.resizer.observe(plot);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    if (this.resizer) this.resizer.disconnect();
    if (this.chart) this.chart.dispose();
  }

  render() {
    return html`<div class="plot" aria-hidden="true"></div>`;
  }
}

customElements.define('yz-chart', YzChart);
