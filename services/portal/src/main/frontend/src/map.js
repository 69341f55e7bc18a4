// <yz-map>: the community-building map of /public/map. The page is complete without it (two tables hold
// the same data); the island only adds the picture: communities as points on their longitude/latitude
// (no tiles, no outside request) and each study tour as a line through its stops, in order.
// Its data and words come from the page: <script type="application/json" id="..."> named by data-source.
import { LitElement, html, css } from 'lit';
import * as echarts from 'echarts/core';
import { ScatterChart, LinesChart, EffectScatterChart } from 'echarts/charts';
import { GeoComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, LinesChart, EffectScatterChart, GeoComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const MAP = 'yingzao-communities';

/** A GeoJSON of points only still needs an area for the geo component: the points' bounding box, padded. */
function withFrame(geojson) {
  const pts = (geojson.features || []).filter((f) => f.geometry && f.geometry.type === 'Point').map((f) => f.geometry.coordinates);
  if (!pts.length) return null;
  const lng = pts.map((p) => p[0]);
  const lat = pts.map((p) => p[1]);
  const pad = 0.05;
  const [x0, x1, y0, y1] = [Math.min(...lng) - pad, Math.max(...lng) + pad, Math.min(...lat) - pad, Math.max(...lat) + pad];
  const polygons = (geojson.features || []).filter((f) => f.geometry && f.geometry.type !== 'Point');
  return {
    type: 'FeatureCollection',
    features: polygons.length ? polygons : [{
      type: 'Feature', properties: { name: '' },
      geometry: { type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
    }],
  };
}

class YzMap extends LitElement {
  static styles = css`
    :host { display: block; }
    .canvas { width: 100%; height: 22rem; }
  `;

  firstUpdated() {
    const source = document.getElementById(this.dataset.source || 'map-data');
    if (!source) return;
    let data;
    try { data = JSON.parse(source.textContent); } catch { return; }
    const frame = withFrame(data.geojson || {});
    if (!frame) return;
    echarts.registerMap(MAP, frame);
    const words = data.words || {};
    const points = (data.geojson.features || []).filter((f) => f.geometry && f.geometry.type === 'Point').map((f) => ({
      name: f.properties.name,
      value: [...f.geometry.coordinates, f.properties.stage],
    }));
    const lines = (data.tours || []).filter((t) => t.coords && t.coords.length > 1).map((t) => ({ name: t.title, coords: t.coords }));
    const el = this.renderRoot.querySelector('.canvas');
    el.setAttribute('aria-label', words.label || '');
    const chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption({
      tooltip: { trigger: 'item', formatter: (p) => p.seriesType === 'lines' ? p.name : `${p.name} · ${words.stage || ''} ${p.value[2]}` },
      legend: { bottom: 0, data: [words.communities, words.tours] },
      geo: { map: MAP, roam: true, silent: true, itemStyle: { areaColor: '#fafbfc', borderColor: 'transparent' } },
      series: [
        { name: words.communities, type: 'scatter', coordinateSystem: 'geo', data: points, symbolSize: (v) => 8 + 3 * (v[2] || 0),
          itemStyle: { color: '#9c2a1d' }, label: { show: true, formatter: '{b}', position: 'right', fontSize: 11 } },
        { name: words.tours, type: 'lines', coordinateSystem: 'geo', polyline: true, data: lines,
          lineStyle: { color: '#0b4f8a', width: 2, opacity: 0.8 } },
      ],
    });
    new ResizeObserver(() => chart.resize()).observe(el);
  }

  render() {
    return html`<div class="canvas" role="img"></div>`;
  }
}

customElements.define('yz-map', YzMap);
