'use strict';
// The operations dashboard. Every view arrives on /api/stream (the current state first, then each change); the charts
// are Apache ECharts, served by the gateway from the org.mvnpm:echarts jar (ADR 0016), so the page needs nothing from
// the internet. A chart is created once and then updated in place (setOption with stable series ids), so a live update
// never rebuilds or blanks it.
(function () {
  const COLORS = ['#1f5fbf', '#d9822b', '#1b7f3b', '#8e44ad', '#0f7c8c', '#c2185b', '#6b6b00', '#5b6678'];
  const INK = '#1d2430', MUTED = '#5b6678', GRID = '#e5e9f0', WARN = '#b3261e';
  // One text size for every chart, the size of the page's tables (.85rem of 15 px), so no chart is smaller than the rest.
  const FONT = {fontFamily: 'system-ui, sans-serif', fontSize: 13, color: INK};
  const STATUS_COLORS = {open: '#1b7f3b', restricted: '#d9822b', congested: '#8e44ad', closed: '#b3261e', unknown: '#5b6678'};
  const STATUS_ORDER = ['open', 'restricted', 'congested', 'closed', 'unknown'];
  // The milestone band's lanes, top to bottom, by the contract's categories.
  const LANES = [
    {name: 'strategies', categories: ['strategy', 'programme', 'target'], size: 10},
    {name: 'agreements', categories: ['agreement', 'joint_statement', 'partnership_level', 'institution'], size: 9},
    {name: 'borders', categories: ['border'], size: 9},
    {name: 'events', categories: [], size: 8}
  ];
  // trade-service's IMPLAUSIBLE_JUMP rule: four times off both neighbouring years (a decimal or unit slip?).
  const JUMP = 4;

  const $ = id => document.getElementById(id);
  const esc = s => String(s == null ? '' : s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const num = (v, digits) => v == null ? '–' : v.toLocaleString('en', {maximumFractionDigits: digits == null ? 2 : digits});
  const billions = usd => usd / 1e9;
  const bn = v => v == null ? '–' : num(v / 1e9, v < 1e9 ? 3 : 2);
  const pct = v => v == null ? '–' : (v > 0 ? '+' : '') + num(v, 1) + ' %';
  const tipHtml = text => esc(text).replace(/\n/g, '<br>');
  const seenEvents = new Set();
  let firstFeed = true;

  /** Text width in px at the charts' font, for laying out labels and legends before ECharts draws them. */
  const measure = (() => {
    const ctx = document.createElement('canvas').getContext('2d');
    return (text, size) => {
      ctx.font = `${size || FONT.fontSize}px ${FONT.fontFamily}`;
      return ctx.measureText(text).width;
    };
  })();

  /** Rows a plain ECharts legend wraps into at this width (it wraps on its own; the grid must start below it). */
  function legendRows(names, width) {
    let rows = 1, x = 0;
    names.forEach(n => {
      const w = 25 + 5 + measure(n) + 10;
      if (x > 0 && x + w > width) { rows++; x = 0; }
      x += w;
    });
    return rows;
  }

  function baseOption(description) {
    return {
      textStyle: FONT,
      animationDuration: 300,
      animationDurationUpdate: 300,
      aria: {enabled: true, label: {description}},
      tooltip: {trigger: 'item', confine: true, textStyle: FONT, formatter: p => tipHtml((p.data && p.data.tip) || p.name)}
    };
  }

  /**
   * A year axis with half a year of room at both ends (so the end dots are not cut) and labels on round years only,
   * as many as fit (no thousands separator: 1992, not 1,992).
   */
  function yearAxis(from, to, width, extra) {
    const interval = [1, 2, 4, 5, 10].find(i => (to - from) / i * 48 <= width) || 10;
    const years = [];
    for (let y = Math.ceil(from / interval) * interval; y <= to; y += interval) years.push(y);
    return Object.assign({
      type: 'value', min: from - 0.5, max: to + 0.5, name: 'year', nameLocation: 'middle', nameGap: 30,
      nameTextStyle: FONT,
      axisLabel: {customValues: years, formatter: v => String(v)},
      axisTick: {customValues: years},
      splitLine: {show: false}
    }, extra || {});
  }

  /**
   * The ends of a logarithmic axis: the 1-2-5 steps just outside the data (0.05 … 200, not 0.01 … 1,000), so the data
   * fill the plot; only the powers of ten are labelled, the minor lines mark 2 … 9 between them.
   */
  function logEnds(values) {
    const steps = [1, 2, 5, 10];
    const below = v => { const p = Math.pow(10, Math.floor(Math.log10(v))); return p * steps.filter(s => s * p <= v + 1e-12).pop(); };
    const above = v => { const p = Math.pow(10, Math.floor(Math.log10(v))); return p * steps.find(s => s * p >= v - 1e-12); };
    const positive = values.filter(v => v > 0);
    return positive.length ? {min: below(Math.min(...positive)), max: above(Math.max(...positive))} : {};
  }

  /**
   * The ends and step of a linear axis from 0: a step of 1, 2, 2.5 or 5 times a power of ten giving about five
   * intervals (ECharts on its own also picks steps of 3, e.g. 0, 3, 6, 9).
   */
  function linearEnds(values) {
    const max = Math.max(0, ...values);
    if (!(max > 0)) return {};
    const raw = max / 5, power = Math.pow(10, Math.floor(Math.log10(raw)));
    const interval = power * [1, 2, 2.5, 5, 10].find(m => m * power >= raw - 1e-12);
    return {min: 0, max: Math.ceil(max / interval - 1e-9) * interval, interval};
  }

  /** Billion USD, linear with round ticks or logarithmic (powers of ten); the name says which. */
  function usdAxis(scale, values, extra) {
    const log = scale === 'log';
    return Object.assign({
      type: scale, name: log ? 'billion USD (log scale)' : 'billion USD', nameLocation: 'middle',
      nameGap: 46, nameTextStyle: FONT, logBase: 10, min: null, max: null, interval: null
    }, log ? logEnds(values) : linearEnds(values), {
      axisLabel: {formatter: v => num(v, 3), hideOverlap: true, showMinLabel: !log, showMaxLabel: !log},
      splitLine: {lineStyle: {color: GRID}},
      minorTick: {show: scale === 'log', splitNumber: 9},
      minorSplitLine: {show: scale === 'log', lineStyle: {color: '#f2f4f8'}}
    }, extra || {});
  }

  /**
   * trade-service's IMPLAUSIBLE_JUMP rule (a decimal or unit slip?): a figure more than four times above, or below,
   * every figure of both the year before and the year after.
   */
  function implausible(value, before, after) {
    if (!(value > 0) || !before.length || !after.length) return false;
    const around = before.concat(after);
    return around.every(n => n * JUMP < value) || around.every(n => value * JUMP < n);
  }

  /**
   * Series of yearly figures: a line joining neighbouring years whose statements agree (broken at a missing or disputed year),
   * a dot for every statement, the statements of a disputed year ringed in red and never averaged.
   * @param list [{id, name, points: [{year, conflict, statements: [{usd, tip}]}]}]
   */
  function yearSeries(list, options) {
    const series = [], outliers = [], stops = [];
    list.forEach((s, i) => {
      const color = COLORS[i % COLORS.length];
      const line = [], extra = [];
      s.points.forEach((p, i) => {
        // A year without a figure breaks the line: it joins only neighbouring years, nothing is interpolated.
        for (let gap = i > 0 ? s.points[i - 1].year + 1 : p.year; gap < p.year; gap++) line.push({value: [gap, '-']});
        const values = [...new Map(p.statements.map(st => [billions(st.usd), st])).values()];
        const sources = p.statements.map(st => `${num(billions(st.usd), 3)} bn USD: ${st.tip}`).join('\n');
        if (p.conflict) {
          line.push({value: [p.year, '-']});
          values.forEach(st => extra.push({value: [p.year, billions(st.usd)], conflict: true, symbolSize: 10,
            itemStyle: {borderColor: WARN, borderWidth: 2.5},
            tip: `${s.name}, ${p.year}: sources disagree (never averaged)\n${sources}`}));
        } else {
          line.push({value: [p.year, billions(values[0].usd)], tip: `${s.name}, ${p.year}\n${sources}`});
          values.slice(1).forEach(st => extra.push({value: [p.year, billions(st.usd)], tip: `${s.name}, ${p.year}\n${sources}`}));
        }
      });
      const byYear = new Map(s.points.map(p => [p.year, p.statements.map(st => billions(st.usd))]));
      const firstYear = s.points[0].year, lastYear = s.points[s.points.length - 1].year;
      line.concat(extra).filter(d => typeof d.value[1] === 'number').forEach(d => {
        const [year, value] = d.value;
        if (!implausible(value, byYear.get(year - 1) || [], byYear.get(year + 1) || [])) return;
        d.disputed = true;
        d.tip += `\nMore than ${JUMP} × off every figure of both neighbouring years: trade-service's checks list such a ` +
          'figure as IMPLAUSIBLE_JUMP (probably a decimal or unit slip in the source); shown as printed.';
        d.symbol = 'triangle';
        d.symbolSize = 11;
        d.itemStyle = Object.assign({}, d.itemStyle, {color: WARN}); // a disagreeing figure keeps its ring
        d.label = {show: true, position: year > lastYear - (lastYear - firstYear) / 6 ? 'left' : 'right', color: WARN,
          fontSize: FONT.fontSize, lineHeight: 16, formatter: `${num(value, 2)}, disputed`};
        outliers.push({series: s.name, year, value});
      });
      series.push({id: `${s.id}:line`, name: s.name, type: 'line', data: line, connectNulls: false, color,
        symbol: 'circle', symbolSize: 6, showAllSymbol: true, lineStyle: {width: 2}, emphasis: {focus: 'series'},
        xAxisIndex: options.axis || 0, yAxisIndex: options.axis || 0, z: 3});
      series.push({id: `${s.id}:statements`, name: s.name, type: 'scatter', data: extra, color, z: 4,
        symbolSize: 6, xAxisIndex: options.axis || 0, yAxisIndex: options.axis || 0});
      // Keyboard stops: every dot, in year order.
      line.forEach((d, dataIndex) => d.value[1] !== '-' && stops.push({seriesId: `${s.id}:line`, dataIndex, x: d.value[0], text: d.tip}));
      extra.forEach((d, dataIndex) => stops.push({seriesId: `${s.id}:statements`, dataIndex, x: d.value[0], text: d.tip}));
    });
    stops.sort((a, b) => a.x - b.x);
    const values = series.flatMap(x => x.data.map(d => d.value[1]).filter(v => typeof v === 'number'));
    return {series, outliers, stops, values};
  }

  // ---- chart panels --------------------------------------------------------------------------------------------

  /**
   * One chart in its figure: created when it first has data, updated in place afterwards, redrawn on resize (some
   * layouts depend on the width) and with the data dots and markers reachable from the keyboard.
   */
  class ChartPanel {
    constructor(id, build) {
      this.id = id;
      this.figure = $(id);
      this.el = this.figure.querySelector('.chart');
      this.live = $(id + '-live');
      this.build = build;
      this.scale = 'log';
      this.chart = null;
      this.state = null;
      this.stops = {h: [], v: []};
      this.at = {h: -1, v: -1};
      this.figure.classList.add('is-empty');
      this.figure.addEventListener('keydown', e => this.key(e));
      this.figure.addEventListener('blur', () => this.hideTip());
    }

    update(state) {
      this.state = state;
      this.redraw();
    }

    redraw() {
      if (!this.state) return;
      if (typeof echarts === 'undefined') {
        this.showEmpty('Charts unavailable: the chart library did not load from the gateway.');
        return;
      }
      const width = this.el.clientWidth || this.figure.clientWidth || 800;
      const drawn = this.build(this.state, {width, height: this.el.clientHeight || 400, scale: this.scale, panel: this});
      if (!drawn.option) {
        this.showEmpty(drawn.empty);
        return;
      }
      const wasEmpty = this.figure.classList.contains('is-empty');
      this.figure.classList.remove('is-empty');
      // data-settled: false while ECharts draws and animates, true once it is done (tests and screenshots wait for it).
      this.figure.dataset.settled = 'false';
      if (!this.chart) {
        // SVG renderer: crisp text at any page zoom and in screenshots, and the drawn labels are DOM the browser test
        // can measure; the charts hold hundreds of elements, not the tens of thousands where canvas pays off.
        this.chart = echarts.init(this.el, null, {renderer: 'svg'});
        this.chart.on('mouseover', p => this.hover && this.hover(p, true));
        this.chart.on('mouseout', p => this.hover && this.hover(p, false));
        this.chart.on('finished', () => { this.figure.dataset.settled = 'true'; });
        let width = this.el.clientWidth;
        new ResizeObserver(() => {
          if (!this.chart || this.el.clientWidth === width || !this.el.clientWidth) return;
          width = this.el.clientWidth;
          this.chart.resize();
          this.redraw();
        }).observe(this.el);
        this.chart.setOption(drawn.option);
      } else {
        if (wasEmpty) this.chart.resize();
        // Series by id: kept ones change in place, gone ones are removed, the rest of the option is merged.
        this.chart.setOption(drawn.option, {replaceMerge: ['series']});
      }
      this.stops = {h: drawn.stops || [], v: drawn.vstops || []};
      this.at = {h: Math.min(this.at.h, this.stops.h.length - 1), v: Math.min(this.at.v, this.stops.v.length - 1)};
    }

    showEmpty(text) {
      this.figure.classList.add('is-empty');
      this.figure.querySelector('.empty').textContent = text;
      this.stops = {h: [], v: []};
    }

    setScale(scale) {
      this.scale = scale;
      this.redraw();
    }

    seriesIndex(id) {
      const s = this.chart.getModel().getSeries().find(m => m.id === id);
      return s ? s.componentIndex : -1;
    }

    key(e) {
      if (!this.chart || this.figure.classList.contains('is-empty')) return;
      const dir = {ArrowRight: ['h', 1], ArrowLeft: ['h', -1], ArrowDown: ['v', 1], ArrowUp: ['v', -1],
        Home: ['h', -Infinity], End: ['h', Infinity]}[e.key];
      if (e.key === 'Escape') { this.hideTip(); return; }
      if (this.keys && this.keys(e)) { e.preventDefault(); return; }
      if (!dir) return;
      const [axis, step] = dir;
      const stops = this.stops[axis];
      if (!stops.length) return;
      e.preventDefault();
      const i = step === -Infinity ? 0 : step === Infinity ? stops.length - 1
        : Math.max(0, Math.min(stops.length - 1, this.at[axis] < 0 && step < 0 ? stops.length - 1 : this.at[axis] + step));
      this.at[axis] = i;
      this.showStop(stops[i]);
    }

    showStop(stop) {
      const seriesIndex = this.seriesIndex(stop.seriesId);
      if (seriesIndex < 0) return;
      this.chart.dispatchAction({type: 'downplay'});
      this.chart.dispatchAction({type: 'highlight', seriesIndex, dataIndex: stop.dataIndex});
      this.chart.dispatchAction({type: 'showTip', seriesIndex, dataIndex: stop.dataIndex});
      if (this.onStop) this.onStop(stop);
      if (this.live) this.live.textContent = stop.text;
    }

    hideTip() {
      if (!this.chart) return;
      this.chart.dispatchAction({type: 'hideTip'});
      this.chart.dispatchAction({type: 'downplay'});
      if (this.onStop) this.onStop(null);
    }
  }

  // ---- the trade trend with its milestone band -----------------------------------------------------------------

  function laneOf(category) {
    const i = LANES.findIndex(l => l.categories.includes(category));
    return i < 0 ? LANES.length - 1 : i;
  }

  /** A milestone's place on the year axis: the year, plus the month when the date has one. */
  function yearOf(m) {
    const [y, mo, d] = String(m.date).split('-').map(Number);
    return y + (mo ? (mo - 1) / 12 : 0) + (d ? (d - 1) / 365 : 0);
  }

  /**
   * Milestones in lanes by kind, each lane two rows of dots with a row of labels above, so a label never covers a
   * dot. Dates are often only a year: a dot that would sit on another goes to the lane's other row or, if both are
   * taken, is nudged right by a dot's width (at most a few months in the densest years), so each keeps its own
   * tooltip; the tooltip and the line drawn across the trade plot use the real date. Labels (a short title, centred
   * over the dot) that would overlap are dropped by ECharts.
   */
  const LANE_PX = 38, ROWS = [0, -0.22];

  function milestoneBand(milestones, from, to, plotWidth) {
    const yearsPerPx = (to - from + 1) / plotWidth;
    const rows = ROWS;
    const ends = LANES.map(() => rows.map(() => -Infinity));
    return milestones.filter(m => m.year >= from && m.year <= to).map(m => ({m, at: yearOf(m), lane: laneOf(m.category)}))
      .sort((a, b) => a.at - b.at)
      .map(({m, at, lane}) => {
        const gap = (LANES[lane].size + 2) * yearsPerPx;
        const places = ends[lane].map(end => Math.max(at, end + gap));
        const row = places.indexOf(Math.min(...places));
        const x = places[row];
        ends[lane][row] = x;
        // Near either end a label runs inwards from its dot, so it stays inside the chart.
        const align = x > to - 1.5 ? 'right' : x < from + 1.5 ? 'left' : 'center';
        return {value: [x, lane + rows[row]], at, id: m.id, name: m.title, category: m.category,
          // Both rows' labels sit on one line above the upper row, so no label crosses a dot.
          symbolSize: LANES[lane].size, label: {align, distance: 2 + (rows[row] - rows[1]) * LANE_PX},
          tip: `${m.date}: ${m.title}\n${m.category.replace(/_/g, ' ')}`};
      });
  }

  function trendChart(s, size) {
    const from = s.fromYear, to = s.toYear;
    const list = (s.series || []).map(x => ({id: `trend:${x.reporter}:${x.partner}:${x.flow}`, name: x.label,
      points: x.points.map(p => ({year: p.year, conflict: p.conflict, statements: p.statements.map(st => ({usd: st.valueUsd,
        tip: [st.document, st.statement].filter(Boolean).join(' · ') + (st.derived ? ' (exports + imports)' : '')}))}))}))
      .filter(x => x.points.length);
    showOutliers('trend-outliers', []);
    if (!list.length) return {empty: 'No trade figures yet.'};
    const left = 72, right = 28;
    const plotWidth = size.width - left - right;
    const {series, outliers, stops, values} = yearSeries(list, {axis: 0});
    const band = milestoneBand(s.milestones || [], from, to, plotWidth);
    const names = list.map(x => x.name).concat(band.length ? ['policy milestones'] : []);
    const legendTop = 4, legendHeight = legendRows(names, size.width - 40) * 22;
    const bandTop = legendTop + legendHeight + 14, bandHeight = band.length ? LANES.length * LANE_PX : 0;
    const plotTop = bandTop + bandHeight + (band.length ? 22 : 0);
    showOutliers('trend-outliers', outliers);
    series.push({id: 'milestones', name: 'policy milestones', type: 'scatter', xAxisIndex: 1, yAxisIndex: 1, data: band,
      color: '#6b7a90', symbol: 'diamond', z: 5,
      // lineHeight: ECharts measures a label's box by its glyphs (about 0.6 of the font size), so without it labels
      // in neighbouring rows would count as apart while drawn on top of each other.
      label: {show: true, position: 'top', distance: 2, fontSize: 12, lineHeight: 16, color: MUTED, width: 130, overflow: 'truncate',
        formatter: p => p.data.name},
      // On hover the tooltip gives the full title; a hidden label must not pop up over its neighbours.
      labelLayout: {hideOverlap: true}, emphasis: {scale: 1.4, label: {show: false}}});
    // The milestone under the pointer or the keyboard is drawn across the trade chart too.
    series.push({id: 'milestone-marker', name: 'milestone marker', type: 'line', xAxisIndex: 0, yAxisIndex: 0, data: [],
      silent: true, markLine: {silent: true, symbol: 'none', animation: false, data: [],
        lineStyle: {color: '#6b7a90', type: 'dashed', width: 1.5}, label: {show: false}}});
    const conflicts = (s.conflicts || []).map(c => c.year);
    const option = Object.assign(baseOption(`Chart of China–Kazakhstan trade in billion USD per year, ${from} to ${to}, ` +
        `${list.length} series (${list.map(x => x.name).join('; ')}), with ${band.length} policy milestones on the same ` +
        `year axis.` + (conflicts.length ? ` Sources disagree for ${[...new Set(conflicts)].join(', ')}.` : '') +
        (outliers.length ? ` Disputed outliers: ${outliers.map(o => `${o.year} (${num(o.value, 2)})`).join(', ')}.` : '')), {
      legend: {top: legendTop, left: 'center', data: names, textStyle: FONT, itemGap: 10},
      grid: [
        {id: 'trade', left, right, top: plotTop, bottom: 86},
        {id: 'band', left, right, top: bandTop, height: Math.max(bandHeight, 1), show: band.length > 0,
          backgroundColor: '#f6f8fb', borderColor: 'transparent'}
      ],
      xAxis: [
        yearAxis(from, to, plotWidth, {id: 'years', gridIndex: 0, axisPointer: {show: true, label: {show: false},
          lineStyle: {color: '#9aa5b8', type: 'dotted'}, triggerTooltip: false}}),
        yearAxis(from, to, plotWidth, {id: 'band-years', gridIndex: 1, show: false})
      ],
      yAxis: [
        usdAxis(size.scale, values, {id: 'usd', gridIndex: 0}),
        // A lane's dots sit in the lower part of its row, its labels above them.
        {id: 'lanes', gridIndex: 1, type: 'value', min: -0.75, max: LANES.length - 0.75, inverse: true,
          show: band.length > 0, axisLine: {show: false}, axisTick: {show: false}, splitLine: {show: false},
          axisLabel: {customValues: LANES.map((l, i) => i), formatter: v => (LANES[v] || {}).name || '', color: MUTED}}
      ],
      dataZoom: [{type: 'slider', id: 'years-zoom', xAxisIndex: [0, 1], filterMode: 'filter', bottom: 8, height: 22,
        labelFormatter: v => String(Math.round(v)), textStyle: FONT, brushSelect: false}],
      series
    });
    const vstops = band.map((d, dataIndex) => ({seriesId: 'milestones', dataIndex, x: d.value[0], text: d.tip}))
      .sort((a, b) => a.x - b.x);
    return {option, stops, vstops};
  }

  function showOutliers(id, outliers) {
    const el = $(id);
    if (!el) return;
    el.hidden = !outliers.length;
    el.className = 'note outliers';
    el.textContent = outliers.length ? 'Disputed figures: ' + outliers.map(o =>
      `${o.year}, ${o.series}: ${num(o.value, 2)} bn USD is more than ${JUMP} × off both neighbouring years; ` +
      `trade-service's checks (GET /api/checks) list such a figure as IMPLAUSIBLE_JUMP, probably a decimal or unit slip ` +
      `in the source. It is shown as printed, not corrected.`).join(' ') : '';
  }

  // ---- mirror comparison and China – Central Asia --------------------------------------------------------------

  function smallYearChart(list, size, title, emptyText, outlierId) {
    if (outlierId) showOutliers(outlierId, []);
    if (!list.length) return {empty: emptyText};
    const years = list.flatMap(x => x.points.map(p => p.year));
    const from = Math.min(...years, 1992), to = Math.max(...years, 2020);
    const left = 72, right = 20;
    const {series, outliers, stops, values} = yearSeries(list, {axis: 0});
    if (outlierId) showOutliers(outlierId, outliers);
    const names = list.map(x => x.name);
    const top = 8 + legendRows(names, size.width - 20) * 22 + 14;
    return {option: Object.assign(baseOption(`${title}, billion USD per year, ${from} to ${to}: ${names.join('; ')}.`), {
      legend: {top: 4, left: 'center', data: names, textStyle: FONT, itemGap: 10},
      grid: {left, right, top, bottom: 50},
      xAxis: yearAxis(from, to, size.width - left - right),
      yAxis: usdAxis(size.scale, values),
      series
    }), stops};
  }

  function mirrorChart(s, size) {
    const rows = s.rows || [];
    const list = [];
    [...new Set(rows.map(r => r.direction))].forEach(d => {
      const of = rows.filter(r => r.direction === d);
      const flow = d === 'total' ? 'total trade' : d;
      [['exporterStatements', of[0].exporter, 'exporter'], ['importerStatements', of[0].importer, 'importer']].forEach(([key, who, role]) => {
        // Every statement of a side is drawn (a ring marks disagreeing ones, as on the trend); the gap is the view's,
        // between each side's first statement.
        const points = of.filter(r => (r[key] || []).length).map(r => {
          const values = new Set(r[key].map(st => st.valueUsd));
          return {year: r.year, conflict: values.size > 1, statements: r[key].map((st, i) => ({usd: st.valueUsd,
            tip: [`reported by ${who}`, st.document, st.statement].filter(Boolean).join(' · ')
              + (i > 0 || r.gapUsd == null ? '' : `; gap exporter − importer ${bn(r.gapUsd)} bn USD (${pct(r.gapPct)})`)}))};
        });
        if (points.length) list.push({id: `mirror:${d}:${role}`, name: `${flow}, reported by ${who}` + (d === 'total' ? '' : ` (${role})`), points});
      });
    });
    return smallYearChart(list, size, 'Mirror comparison of China–Kazakhstan trade', 'No mirror figures yet.', 'mirror-outliers');
  }

  function centralAsiaChart(s, size) {
    const list = (s.series || []).map(x => ({id: `ca:${x.reporter}:${x.partner}`, name: x.label,
      points: x.points.map(p => ({year: p.year, conflict: p.conflict, statements: p.statements.map(st => ({usd: st.valueUsd,
        tip: [st.document, st.statement].filter(Boolean).join(' · ')}))}))})).filter(x => x.points.length);
    return smallYearChart(list, size, 'China – Central Asia trade', 'No Central Asia figures yet.', 'central-asia-outliers');
  }

  // ---- corridor map --------------------------------------------------------------------------------------------

  const POINT_SYMBOLS = {border_crossing: 'diamond', dry_port: 'rect', logistics_hub: 'rect',
    special_economic_zone: 'triangle', cooperation_zone: 'triangle'};
  const LINE_TYPES = {highway: 'dashed', highway_project: 'dashed', oil_pipeline: 'dotted', gas_pipeline: 'dotted',
    airline_network: 'dotted'};
  const shortName = name => String(name).replace(/\s*\((printed|ICBC)[^)]*\)/g, '');

  /**
   * Longitude / latitude as value axes, no tiles: the extent of the assets, widened so a degree of longitude is
   * cos(latitude) of a degree of latitude on screen, as on an equirectangular map around the assets' middle latitude.
   */
  function mapExtent(coords, plotW, plotH) {
    let [x0, x1] = [Math.min(...coords.map(c => c[0])), Math.max(...coords.map(c => c[0]))];
    let [y0, y1] = [Math.min(...coords.map(c => c[1])), Math.max(...coords.map(c => c[1]))];
    x0 -= 1; x1 += 1; y0 -= 1; y1 += 1;
    const k = Math.cos((y0 + y1) / 2 * Math.PI / 180);
    const want = plotW / plotH; // screen width per screen height
    const have = (x1 - x0) * k / (y1 - y0);
    if (have < want) {
      const grow = ((y1 - y0) * want / k - (x1 - x0)) / 2;
      x0 -= grow; x1 += grow;
    } else {
      const grow = ((x1 - x0) * k / want - (y1 - y0)) / 2;
      y0 -= grow; y1 += grow;
    }
    return [Math.floor(x0), Math.ceil(x1), Math.max(-90, Math.floor(y0)), Math.min(90, Math.ceil(y1))];
  }

  function mapChart(s, size) {
    const features = ((s.geojson || {}).features || []).filter(f => f.geometry &&
      (f.geometry.type === 'Point' || f.geometry.type === 'LineString'));
    if (!features.length) return {empty: 'No asset locations yet.'};
    const coords = features.flatMap(f => f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates);
    const left = 58, right = 16, top = 36, bottom = 48;
    const [x0, x1, y0, y1] = mapExtent(coords, size.width - left - right, size.height - top - bottom);
    const statuses = [...new Set(features.map(f => f.properties.status || 'unknown'))]
      .sort((a, b) => (STATUS_ORDER.indexOf(a) + 99) % 99 - (STATUS_ORDER.indexOf(b) + 99) % 99);
    const series = [], stops = [];
    const tipOf = p => `${p.name}\n${String(p.kind || 'asset').replace(/_/g, ' ')} · status ${p.status || 'unknown'}`;
    statuses.forEach(status => {
      const color = STATUS_COLORS[status] || MUTED;
      const mine = features.filter(f => (f.properties.status || 'unknown') === status);
      // Labels of the eastern quarter go to the left of their point, so they stay inside the plot.
      const points = mine.filter(f => f.geometry.type === 'Point').map(f => ({value: f.geometry.coordinates.slice(0, 2),
        id: f.properties.id, name: f.properties.name, kind: f.properties.kind, tip: tipOf(f.properties),
        symbol: POINT_SYMBOLS[f.properties.kind] || 'circle',
        label: {position: f.geometry.coordinates[0] > x1 - (x1 - x0) / 4 ? 'left' : 'right'}}));
      const lines = mine.filter(f => f.geometry.type === 'LineString').map(f => ({coords: f.geometry.coordinates.map(c => c.slice(0, 2)),
        id: f.properties.id, name: f.properties.name, kind: f.properties.kind, tip: tipOf(f.properties),
        lineStyle: {type: LINE_TYPES[f.properties.kind] || 'solid'}}));
      series.push({id: `map:lines:${status}`, name: status, type: 'lines', coordinateSystem: 'cartesian2d', polyline: true,
        data: lines, color, lineStyle: {width: 2.5, opacity: 0.75, color}, emphasis: {lineStyle: {width: 4, opacity: 1}}, z: 2});
      series.push({id: `map:points:${status}`, name: status, type: 'scatter', data: points, color, symbolSize: 10, z: 3,
        itemStyle: {borderColor: '#fff', borderWidth: 1},
        label: {show: true, position: 'right', distance: 4, color: INK, fontSize: FONT.fontSize, lineHeight: 18,
          formatter: p => shortName(p.data.name),
          textBorderColor: '#fff', textBorderWidth: 3},
        labelLayout: {hideOverlap: true}});
      lines.forEach((d, dataIndex) => stops.push({seriesId: `map:lines:${status}`, dataIndex, x: d.coords[0][0], text: d.tip}));
      points.forEach((d, dataIndex) => stops.push({seriesId: `map:points:${status}`, dataIndex, x: d.value[0], text: d.tip}));
    });
    stops.sort((a, b) => a.x - b.x);
    const counts = statuses.map(st => `${st}: ${features.filter(f => (f.properties.status || 'unknown') === st).length}`).join(', ');
    const deg = (v, hemi) => Number.isInteger(v) ? `${v}° ${hemi}` : '';
    const option = Object.assign(baseOption(`Map of ${features.length} corridor assets by longitude and latitude ` +
        `(${features.filter(f => f.geometry.type === 'Point').length} places, ` +
        `${features.filter(f => f.geometry.type === 'LineString').length} routes), by status: ${counts}.`), {
      legend: {top: 4, left: 'center', data: statuses, textStyle: FONT},
      grid: {left, right, top, bottom, backgroundColor: '#f3f6fa', show: true, borderColor: '#d5dbe5'},
      xAxis: {type: 'value', min: x0, max: x1, name: 'longitude (° E)', nameLocation: 'middle', nameGap: 28, nameTextStyle: FONT,
        axisLabel: {formatter: v => deg(v, 'E'), hideOverlap: true, showMinLabel: false, showMaxLabel: false}, splitLine: {lineStyle: {color: GRID}}},
      yAxis: {type: 'value', min: y0, max: y1, name: 'latitude (° N)', nameLocation: 'middle', nameGap: 42, nameTextStyle: FONT,
        axisLabel: {formatter: v => deg(v, 'N'), hideOverlap: true, showMinLabel: false, showMaxLabel: false}, splitLine: {lineStyle: {color: GRID}}},
      dataZoom: [
        {type: 'inside', id: 'lon-zoom', xAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false},
        {type: 'inside', id: 'lat-zoom', yAxisIndex: 0, filterMode: 'none', zoomOnMouseWheel: 'ctrl', moveOnMouseWheel: false}
      ],
      series
    });
    return {option, stops};
  }

  const panels = {
    trend: new ChartPanel('trend', trendChart),
    mirror: new ChartPanel('mirror', mirrorChart),
    'central-asia': new ChartPanel('central-asia', centralAsiaChart),
    map: new ChartPanel('map', mapChart)
  };
  // Each panel starts on the scale its toggle says (the page's HTML decides: log where an outlier would flatten the rest).
  document.querySelectorAll('.scale-toggle').forEach(b => {
    panels[b.dataset.chart].scale = b.getAttribute('aria-pressed') === 'true' ? 'log' : 'value';
  });
  panels.map.scale = 'value';

  // The milestone under the pointer or the keyboard also gets a line across the trade chart.
  panels.trend.hover = (p, on) => {
    if (p.seriesId === 'milestones') markMilestone(on ? p.data : null);
  };
  panels.trend.onStop = stop => markMilestone(stop && stop.seriesId === 'milestones'
    ? panels.trend.chart.getOption().series.find(x => x && x.id === 'milestones').data[stop.dataIndex] : null);

  function markMilestone(d) {
    const chart = panels.trend.chart;
    if (!chart) return;
    chart.setOption({series: [{id: 'milestone-marker', markLine: {data: d ? [{xAxis: d.at}] : []}}]});
  }

  // Map zoom from the keyboard: + and − around the middle, 0 back to everything.
  panels.map.keys = e => {
    const chart = panels.map.chart;
    const zoom = chart.getOption().dataZoom[0];
    const [start, end] = [zoom.start, zoom.end];
    let range = end - start, mid = (start + end) / 2;
    if (e.key === '+' || e.key === '=') range /= 2;
    else if (e.key === '-') range *= 2;
    else if (e.key === '0') { range = 100; mid = 50; }
    else return false;
    range = Math.min(100, Math.max(3, range));
    mid = Math.min(100 - range / 2, Math.max(range / 2, mid));
    [0, 1].forEach(i => chart.dispatchAction({type: 'dataZoom', dataZoomIndex: i, start: mid - range / 2, end: mid + range / 2}));
    return true;
  };

  document.querySelectorAll('.scale-toggle').forEach(button => button.addEventListener('click', () => {
    const log = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(log));
    panels[button.dataset.chart].setScale(log ? 'log' : 'value');
  }));

  // ---- tables, tiles, feed -------------------------------------------------------------------------------------

  function tile(title, value, sub, stale) {
    return `<div class="tile" tabindex="0"><h3>${esc(title)}</h3><div class="value">${value}</div>` +
      `<div class="sub">${sub || ''}${stale ? ' <span class="stale">stale</span>' : ''}</div></div>`;
  }

  function age(seconds) {
    if (seconds == null) return 'no data yet';
    if (seconds < 120) return `${seconds} s old`;
    if (seconds < 7200) return `${Math.round(seconds / 60)} min old`;
    if (seconds < 172800) return `${Math.round(seconds / 3600)} h old`;
    return `${Math.round(seconds / 86400)} days old`;
  }

  /** A view that is stale says so above its content, with each stale source's age and reason. */
  function markStale(view, state) {
    const section = document.querySelector(`section[data-view="${view}"]`);
    if (!section) return;
    const banner = section.querySelector('.stale-banner');
    const stale = (state.freshness || []).filter(f => f.stale);
    section.classList.toggle('is-stale', !!state.stale);
    banner.hidden = !state.stale;
    const when = text => String(text).replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, t => new Date(t).toLocaleString());
    banner.textContent = state.stale ? 'Stale: ' + (stale.length ? stale.map(f => `${f.source} ${age(f.ageSeconds)}` +
      (f.reason ? ` (${when(f.reason)})` : '')).join('; ') : 'a source is not current') + '. Showing what the read model holds.' : '';
  }

  const render = {
    overview(s) {
      const k = s.kpis || {};
      const tiles = [];
      (k.trade || []).forEach(t => tiles.push(tile(`CN–KZ trade ${t.year}, reported by ${t.reporter}`, `${bn(t.valueUsd)} bn USD`,
        `YoY ${pct(t.yoyPct)} · balance ${t.balanceUsd == null ? '–' : bn(t.balanceUsd) + ' bn USD'}` +
        (t.conflict ? ` · <span class="stale">${t.statements} statements disagree</span>` : ''), s.stale)));
      if (!(k.trade || []).length) tiles.push(tile('CN–KZ trade', '–', 'no bilateral totals yet'));
      tiles.push(k.mirrorGap ? tile(`Mirror gap ${k.mirrorGap.year}`, `${bn(k.mirrorGap.gapUsd)} bn USD`,
        `${k.mirrorGap.reporterA} vs ${k.mirrorGap.reporterB} (${pct(k.mirrorGap.gapPct)})`) : tile('Mirror gap', '–', 'only one side reports'));
      const statuses = Object.entries(k.assetsByStatus || {});
      tiles.push(tile('Corridor assets by status', statuses.reduce((n, e) => n + e[1], 0),
        statuses.map(([st, n]) => `${esc(st)}: ${n}`).join(' · ') || 'no assets yet'));
      tiles.push(k.slowestCrossing ? tile('Slowest crossing', `${k.slowestCrossing.value} ${esc(k.slowestCrossing.unit || '')}`,
        `${esc(k.slowestCrossing.name)} (${esc(k.slowestCrossing.at || '')})`) : tile('Slowest crossing', '–', 'no crossing times yet'));
      tiles.push(tile('Milestones in force today', k.milestonesInForce ?? 0, 'strategies, programmes, agreements'));
      tiles.push(tile('Dead letters', s.deadLetters ?? 0, 'records refused to the DLQ topics'));
      const last = (s.lastEvents || [])[0];
      tiles.push(tile('Last event', last ? `<span class="text">${esc(last.label || last.aggregateId)}</span>` : '–', last ? `${esc(last.topic)} · ${new Date(last.eventTime).toLocaleString()}` : 'none yet'));
      $('kpis').innerHTML = tiles.join('');
      $('freshness').innerHTML = (s.freshness || []).map(f => `${esc(f.source)}: ` + age(f.ageSeconds) +
        (f.stale ? ` <span class="stale" title="${esc(f.reason)}">stale</span>` : '')).join(' · ');
    },
    'trade-trend'(s) { panels.trend.update(s); },
    mirror(s) { panels.mirror.update(s); },
    'central-asia'(s) { panels['central-asia'].update(s); },
    commodities(s) {
      const groups = s.structure || [];
      if (!groups.length) { $('commodities').innerHTML = '<p class="empty">No commodity breakdown yet.</p>'; return; }
      const g = groups[groups.length - 1];
      $('commodities').innerHTML = `<p class="note">${esc(g.reporter)} ${esc(g.flow)} ${esc(g.partner)}, ${g.year}: ${bn(g.totalUsd)} bn USD</p>` +
        '<table><thead><tr><th scope="col">commodity</th><th scope="col">value (bn USD)</th><th scope="col">share (%)</th></tr></thead><tbody>' +
        g.items.map(i => `<tr><td>${esc(i.label || i.commodity)}</td><td>${bn(i.valueUsd)}</td><td><div class="bar" style="width:${Math.max(2, i.sharePct || 0)}%" title="${i.sharePct} %"></div>${i.sharePct ?? '–'}</td></tr>`).join('') +
        '</tbody></table>';
    },
    corridors(s) {
      const assets = s.assets || [];
      $('corridors').innerHTML = assets.length ? '<table><thead><tr><th scope="col">asset</th><th scope="col">status</th><th scope="col">latest measurements</th></tr></thead><tbody>' +
        assets.map(a => `<tr><td>${esc(a.name)}<br><small>${esc(a.kind || '')} ${esc((a.countries || []).join('–'))}</small></td><td>${esc(a.status)}</td><td>` +
          (a.measurements || []).map(m => `${esc(m.metric)}: ${m.value ?? '–'} ${esc(m.unit || '')}` + (m.utilizationPct != null ? ` (${m.utilizationPct} % of capacity)` : '') + ` <small>${esc(m.at || '')}</small>`).join('<br>') +
          '</td></tr>').join('') + '</tbody></table>' : '<p class="empty">No corridor assets yet.</p>';
      panels.map.update(s);
    },
    policy(s) {
      const targets = s.targets || [];
      $('targets').innerHTML = targets.length ? '<table><thead><tr><th scope="col">target</th><th scope="col">deadline</th><th scope="col">status</th><th scope="col">recorded figures (bn USD) and sources</th></tr></thead><tbody>' +
        targets.map(t => `<tr><td>${esc(t.title)}<br><small>${t.unit === 'USD' ? bn(t.targetValue) + ' bn USD' : t.targetValue + ' ' + esc(t.unit)} · ${esc(t.subject)}</small></td><td>${t.deadlineYear}</td>` +
          `<td class="status-${esc(t.status)}" title="${esc(t.reason)}">${esc(t.status)}</td><td>` +
          (t.figures || []).map(f => `${bn(f.value)} (${esc(f.reporter)}, ${esc(f.document)}${f.statement ? ', ' + esc(f.statement) : ''}) ${f.met ? '✓' : '✗'}`).join('<br>') + '</td></tr>').join('') +
        '</tbody></table>' : '<p class="empty">No targets yet.</p>';
      const ms = s.milestones || [];
      $('timeline').innerHTML = ms.length ? ms.map(m => `<li><strong>${esc(m.date)}${m.dateEnd ? '–' + esc(m.dateEnd) : ''}</strong> ${esc(m.title)} <small>(${esc(m.category)}${m.inForce ? ', in force' : ''})</small></li>`).join('')
        : '<li class="empty">No milestones yet.</li>';
    },
    events(s) {
      const items = s.items || [];
      if (!items.length) { $('feed').innerHTML = '<li class="empty">No events yet.</li>'; return; }
      $('feed').innerHTML = items.map(e => {
        const fresh = !firstFeed && !seenEvents.has(e.eventId);
        seenEvents.add(e.eventId);
        return `<li class="${fresh ? 'new' : ''}" data-aggregate="${esc(e.aggregateId)}"><strong>${esc(e.label || e.aggregateId)}</strong> <small>${esc(e.outcome)} · ${esc(e.topic)} v${e.version} · ${new Date(e.eventTime).toLocaleString()}</small></li>`;
      }).join('');
      firstFeed = false;
    }
  };

  function connect() {
    const badge = $('connection');
    const source = new EventSource('api/stream');
    source.onopen = () => { badge.textContent = 'live'; badge.className = 'badge live'; };
    source.onerror = () => { badge.textContent = 'reconnecting…'; badge.className = 'badge down'; };
    source.addEventListener('view', e => {
      const n = JSON.parse(e.data);
      const draw = render[n.view];
      if (draw && n.state) {
        try {
          draw(n.state);
          markStale(n.view, n.state);
        } catch (err) {
          console.error('could not draw', n.view, err);
        }
        document.body.dataset[n.view.replace(/-(.)/g, (m, c) => c.toUpperCase())] = n.etag;
      }
    });
  }

  connect();
})();
