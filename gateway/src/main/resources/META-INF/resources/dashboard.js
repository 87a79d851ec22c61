'use strict';
// The operations dashboard: every view arrives on /api/stream (current state first, then each change) and is
// drawn here with plain SVG, so the page needs nothing from the internet.
(function () {
  const NS = 'http://www.w3.org/2000/svg';
  const COLORS = ['#1f5fbf', '#d9822b', '#1b7f3b', '#8e44ad', '#b3261e', '#0f7c8c', '#6b6b00', '#c2185b'];
  const bn = v => v == null ? '–' : (v / 1e9).toLocaleString('en', {maximumFractionDigits: v < 1e9 ? 3 : 2});
  const pct = v => v == null ? '–' : (v > 0 ? '+' : '') + v.toLocaleString('en', {maximumFractionDigits: 1}) + ' %';
  const esc = s => String(s == null ? '' : s).replace(/[&<>"]/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;'}[c]));
  const $ = id => document.getElementById(id);
  const seenEvents = new Set();
  let firstFeed = true;

  function svg(tag, attrs, parent) {
    const el = document.createElementNS(NS, tag);
    Object.entries(attrs || {}).forEach(([k, v]) => el.setAttribute(k, v));
    if (parent) parent.appendChild(el);
    return el;
  }

  function text(parent, x, y, content, attrs) {
    const t = svg('text', Object.assign({x, y}, attrs || {}), parent);
    t.textContent = content;
    return t;
  }

  /** A line chart: x in years, y in billion USD; every statement a dot, conflicts ringed, markers dashed. */
  function lineChart(container, opts) {
    container.innerHTML = '';
    // Milestone labels get rows of their own above the plot, so they never cover the data or each other.
    const LABEL_ROWS = (opts.markers || []).length ? 3 : 0, ROW = 12;
    const W = 900, H = 320 + LABEL_ROWS * ROW, L = 56, R = 12, T = 14 + LABEL_ROWS * ROW, B = 40;
    const all = opts.series.flatMap(s => s.points.flatMap(p => p.values));
    if (!all.length) {
      container.innerHTML = '<p class="empty">' + esc(opts.empty) + '</p>';
      return;
    }
    const yMax = Math.max(...all) * 1.1 || 1;
    const x = v => L + (v - opts.xMin) / Math.max(1, opts.xMax - opts.xMin) * (W - L - R);
    const y = v => H - B - v / yMax * (H - T - B);
    const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': opts.title}, container);
    svg('title', {}, root).textContent = opts.title;
    for (let i = 0; i <= 4; i++) {
      const v = yMax * i / 4;
      svg('line', {x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e5e9f0'}, root);
      text(root, L - 6, y(v) + 4, bn(v), {'text-anchor': 'end'});
    }
    const step = Math.max(1, Math.ceil((opts.xMax - opts.xMin) / 14));
    for (let yr = opts.xMin; yr <= opts.xMax; yr += step) {
      text(root, x(yr), H - B + 16, yr, {'text-anchor': 'middle'});
    }
    text(root, 14, T + (H - T - B) / 2, opts.yLabel, {transform: `rotate(-90 14 ${T + (H - T - B) / 2})`, 'text-anchor': 'middle'});
    text(root, L + (W - L - R) / 2, H - 6, 'year', {'text-anchor': 'middle'});
    // Greedy rows: a label goes into the first row where it does not touch the previous one; a marker whose label
    // fits nowhere keeps its line and its tooltip (the full list is in the policy timeline).
    const rowEnds = Array(LABEL_ROWS).fill(-Infinity);
    (opts.markers || []).filter(m => m.x >= opts.xMin && m.x <= opts.xMax).sort((a, b) => a.x - b.x).forEach(m => {
      const g = svg('g', {class: 'milestone', tabindex: '0', 'aria-label': m.label}, root);
      svg('line', {x1: x(m.x), x2: x(m.x), y1: T, y2: H - B, stroke: '#8a94a6', 'stroke-dasharray': '4 3'}, g);
      svg('title', {}, g).textContent = m.label;
      const label = text(g, x(m.x) + 2, 10, m.short, {'font-size': '10'});
      // Measured, not estimated: the stylesheet decides the font (0 when the page is not laid out, e.g. hidden).
      const width = (label.getComputedTextLength ? label.getComputedTextLength() : 0) || m.short.length * 6.2;
      const row = rowEnds.findIndex(end => end < x(m.x) - 3);
      if (row < 0) {
        label.remove();
        return;
      }
      rowEnds[row] = x(m.x) + 2 + width;
      label.setAttribute('y', 11 + row * ROW);
      svg('line', {x1: x(m.x), x2: x(m.x), y1: 13 + row * ROW, y2: T, stroke: '#c5ccd8'}, g);
    });
    opts.series.forEach((s, i) => {
      const color = COLORS[i % COLORS.length];
      const pts = s.points.map(p => [x(p.x), y(p.values[0])]);
      if (pts.length > 1) svg('polyline', {points: pts.map(p => p.join(',')).join(' '), fill: 'none', stroke: color, 'stroke-width': 2}, root);
      s.points.forEach(p => p.values.forEach(v => {
        const c = svg('circle', {cx: x(p.x), cy: y(v), r: p.conflict ? 4.5 : 3, fill: color,
          stroke: p.conflict ? '#b3261e' : 'none', 'stroke-width': 2}, root);
        svg('title', {}, c).textContent = `${s.label}, ${p.x}: ${bn(v)} bn USD${p.conflict ? ' (sources disagree)' : ''}`;
      }));
    });
    const legend = document.createElement('ul');
    legend.className = 'legend';
    legend.innerHTML = opts.series.map((s, i) => `<li><span style="background:${COLORS[i % COLORS.length]}"></span>${esc(s.label)}</li>`).join('');
    container.appendChild(legend);
  }

  function toChartSeries(series) {
    return series.map(s => ({label: s.label, points: s.points.map(p => ({x: p.year, values: p.statements.map(st => st.valueUsd), conflict: p.conflict}))}));
  }

  function tile(title, value, sub, stale) {
    return `<div class="tile" tabindex="0"><h3>${esc(title)}</h3><div class="value">${value}</div>` +
      `<div class="sub">${sub || ''}${stale ? ' <span class="stale">stale</span>' : ''}</div></div>`;
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
      tiles.push(tile('Last event', last ? esc(last.label || last.aggregateId) : '–', last ? `${esc(last.topic)} · ${new Date(last.eventTime).toLocaleString()}` : 'none yet'));
      $('kpis').innerHTML = tiles.join('');
      $('freshness').innerHTML = (s.freshness || []).map(f => `${esc(f.source)}: ` +
        (f.ageSeconds == null ? 'no data' : `${f.ageSeconds} s old`) + (f.stale ? ` <span class="stale" title="${esc(f.reason)}">stale</span>` : '')).join(' · ');
    },
    'trade-trend'(s) {
      lineChart($('trend'), {title: 'China–Kazakhstan trade per reporter and flow', yLabel: 'billion USD',
        xMin: s.fromYear, xMax: s.toYear, series: toChartSeries(s.series || []), empty: 'No trade figures yet.',
        markers: (s.milestones || []).map(m => ({x: m.year, label: `${m.date}: ${m.title}`, short: m.title.split(/[ :(]/)[0]}))});
    },
    mirror(s) {
      const rows = s.rows || [];
      const directions = [...new Set(rows.map(r => r.direction))];
      const series = [];
      directions.forEach(d => {
        const of = rows.filter(r => r.direction === d);
        const by = (key, who) => ({label: `${d === 'total' ? 'total' : d} reported by ${who}`,
          points: of.filter(r => r[key] != null).map(r => ({x: r.year, values: [r[key]]}))});
        series.push(by('reportedByExporterUsd', of[0].exporter), by('reportedByImporterUsd', of[0].importer));
      });
      const years = rows.map(r => r.year);
      lineChart($('mirror'), {title: 'Mirror comparison', yLabel: 'billion USD', xMin: Math.min(...years, 1992),
        xMax: Math.max(...years, 2020), series: series.filter(x => x.points.length), empty: 'No mirror figures yet.'});
    },
    commodities(s) {
      const groups = s.structure || [];
      if (!groups.length) { $('commodities').innerHTML = '<p class="empty">No commodity breakdown yet.</p>'; return; }
      const g = groups[groups.length - 1];
      $('commodities').innerHTML = `<p class="note">${esc(g.reporter)} ${esc(g.flow)} ${esc(g.partner)}, ${g.year}: ${bn(g.totalUsd)} bn USD</p>` +
        '<table><thead><tr><th scope="col">commodity</th><th scope="col">value (bn USD)</th><th scope="col">share (%)</th></tr></thead><tbody>' +
        g.items.map(i => `<tr><td>${esc(i.label || i.commodity)}</td><td>${bn(i.valueUsd)}</td><td><div class="bar" style="width:${Math.max(2, i.sharePct || 0)}%" title="${i.sharePct} %"></div>${i.sharePct ?? '–'}</td></tr>`).join('') +
        '</tbody></table>';
    },
    'central-asia'(s) {
      lineChart($('central-asia'), {title: 'China – Central Asia trade', yLabel: 'billion USD', xMin: 1992, xMax: 2020,
        series: toChartSeries(s.series || []), empty: 'No Central Asia figures yet.'});
    },
    corridors(s) {
      const assets = s.assets || [];
      $('corridors').innerHTML = assets.length ? '<table><thead><tr><th scope="col">asset</th><th scope="col">status</th><th scope="col">latest measurements</th></tr></thead><tbody>' +
        assets.map(a => `<tr><td>${esc(a.name)}<br><small>${esc(a.kind || '')} ${esc((a.countries || []).join('–'))}</small></td><td>${esc(a.status)}</td><td>` +
          (a.measurements || []).map(m => `${esc(m.metric)}: ${m.value ?? '–'} ${esc(m.unit || '')}` + (m.utilizationPct != null ? ` (${m.utilizationPct} % of capacity)` : '') + ` <small>${esc(m.at || '')}</small>`).join('<br>') +
          '</td></tr>').join('') + '</tbody></table>' : '<p class="empty">No corridor assets yet.</p>';
      drawMap($('map'), (s.geojson || {}).features || []);
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

  /** Equirectangular sketch of the asset layer: points and lines from the GeoJSON, fitted to their extent. */
  function drawMap(container, features) {
    container.innerHTML = '';
    const coords = [];
    const visit = g => {
      if (!g) return;
      if (g.type === 'Point') coords.push(g.coordinates);
      else if (g.type === 'LineString' || g.type === 'MultiPoint') g.coordinates.forEach(c => coords.push(c));
      else if (g.type === 'MultiLineString' || g.type === 'Polygon') g.coordinates.forEach(l => l.forEach(c => coords.push(c)));
    };
    features.forEach(f => visit(f.geometry));
    if (!coords.length) { container.innerHTML = '<p class="empty">No asset locations yet.</p>'; return; }
    const W = 520, H = 320, P = 30;
    const lons = coords.map(c => c[0]), lats = coords.map(c => c[1]);
    const [x0, x1, y0, y1] = [Math.min(...lons) - 1, Math.max(...lons) + 1, Math.min(...lats) - 1, Math.max(...lats) + 1];
    const sx = lon => P + (lon - x0) / (x1 - x0) * (W - 2 * P);
    const sy = lat => H - P - (lat - y0) / (y1 - y0) * (H - 2 * P);
    const root = svg('svg', {viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Corridor assets by longitude and latitude'}, container);
    svg('rect', {x: P, y: P, width: W - 2 * P, height: H - 2 * P, fill: '#f3f6fa', stroke: '#d5dbe5'}, root);
    text(root, P, H - 8, `${x0.toFixed(1)}° E`);
    text(root, W - P, H - 8, `${x1.toFixed(1)}° E`, {'text-anchor': 'end'});
    text(root, 4, P + 4, `${y1.toFixed(1)}° N`);
    text(root, 4, H - P, `${y0.toFixed(1)}° N`);
    features.forEach((f, i) => {
      const g = f.geometry, color = f.properties.status === 'open' ? '#1b7f3b' : f.properties.status === 'unknown' ? '#5b6678' : '#d9822b';
      const group = svg('g', {}, root);
      svg('title', {}, group).textContent = `${f.properties.name} (${f.properties.kind || ''}, ${f.properties.status})`;
      if (g.type === 'Point') {
        svg('circle', {cx: sx(g.coordinates[0]), cy: sy(g.coordinates[1]), r: 5, fill: color}, group);
        text(group, sx(g.coordinates[0]) + 7, sy(g.coordinates[1]) + 4, f.properties.name);
      } else if (g.type === 'LineString') {
        svg('polyline', {points: g.coordinates.map(c => sx(c[0]) + ',' + sy(c[1])).join(' '), fill: 'none', stroke: color, 'stroke-width': 3}, group);
      }
    });
  }

  function connect() {
    const badge = $('connection');
    const source = new EventSource('api/stream');
    source.onopen = () => { badge.textContent = 'live'; badge.className = 'badge live'; };
    source.onerror = () => { badge.textContent = 'reconnecting…'; badge.className = 'badge down'; };
    source.addEventListener('view', e => {
      const n = JSON.parse(e.data);
      const draw = render[n.view];
      if (draw && n.state) {
        try { draw(n.state); } catch (err) { console.error('could not draw', n.view, err); }
        document.body.dataset[n.view.replace(/-(.)/g, (m, c) => c.toUpperCase())] = n.etag;
      }
    });
  }

  connect();
})();
