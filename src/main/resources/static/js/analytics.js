// 统计分析: the dashboard and the hall's big screen draw the same indicators from /console/stats/api.
(function () {
  'use strict';
  var cfg = document.getElementById('stats-config');
  if (!cfg || !window.echarts) { return; }
  var d = cfg.dataset;
  var data = document.getElementById('stats-data');
  var STATS = data ? JSON.parse(data.textContent) : {};
  var LABELS = STATS.labels || {};
  var DEFS = STATS.definitions || {};
  var CHANNELS = STATS.channels || {};
  var screen = d.mode === 'screen';
  var dark = screen ? 'dark' : null;
  var charts = {};
  // lower is better for these: rankings put the smallest first
  var LOWER_BETTER = { repeatRate: true, overdueOpen: true, backlog: true, averageHandlingDays: true,
    shouldAcceptNotAcceptedRate: true, shouldHandleNotHandledRate: true, beyondLevel: true, toBeijing: true, repeats: true };
  // counted now, not per period: no change against the previous period
  var SNAPSHOT = { overdueOpen: true, backlog: true };
  // a figure appears as a card only when the answer carries it (调解成功率 comes with the mediation module)
  var CARDS = screen
    ? ['received', 'acceptedOnTimeRate', 'closedOnTimeRate', 'satisfactionRate', 'repeatRate', 'overdueOpen', 'backlog', 'toBeijing']
    : ['received', 'accepted', 'acceptedOnTimeRate', 'closedOnTimeRate', 'repliedOnTimeRate', 'satisfactionRate', 'ratingRate',
       'repeatRate', 'oneTimeResolutionRate', 'averageHandlingDays', 'beyondLevel', 'toBeijing', 'overdueOpen', 'backlog',
       'backlogResolutionRate', 'shouldAcceptNotAcceptedRate', 'shouldHandleNotHandledRate', 'mediationSuccessRate'];

  function isRate(name) { return /Rate$/.test(name); }
  function fmt(name, v) {
    if (v === null || v === undefined) { return '—'; }
    if (isRate(name)) { return (v * 100).toFixed(1) + '%'; }
    return String(v);
  }
  function addDays(iso, n) {
    var t = new Date(iso + 'T00:00:00Z'); t.setUTCDate(t.getUTCDate() + n); return t.toISOString().slice(0, 10);
  }
  function daysBetween(a, b) { return Math.round((new Date(b + 'T00:00:00Z') - new Date(a + 'T00:00:00Z')) / 86400000); }
  function params(extra) {
    var p = new URLSearchParams();
    p.set('from', extra && extra.from || d.from);
    p.set('to', extra && extra.to || d.to);
    if (d.region) { p.set('regionCode', d.region); }
    if (d.unit) { p.set('unitCode', d.unit); }
    Object.keys(extra || {}).forEach(function (k) { if (k !== 'from' && k !== 'to' && extra[k] !== undefined) { p.set(k, extra[k]); } });
    return p.toString();
  }
  function get(path, extra) {
    return fetch(d.api + path + '?' + params(extra), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { if (!r.ok) { throw new Error(path + ' ' + r.status); } return r.json(); });
  }
  // the matters behind a figure
  function mattersUrl(indicator, extra) {
    return d.matters + '?' + params(Object.assign({ indicator: indicator }, extra || {}));
  }
  function chart(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    if (!charts[id]) {
      charts[id] = echarts.init(el, dark);
      if (screen) { charts[id].setOption({ backgroundColor: 'transparent' }); }
    }
    return charts[id];
  }

  function cards(now, before) {
    var box = document.getElementById('stat-cards');
    box.innerHTML = '';
    CARDS.filter(function (name) { return name in now; }).forEach(function (name) {
      var a = document.createElement('a');
      a.className = 'stat-card';
      a.dataset.indicator = name;
      // 调解成功率 opens the mediation figures (disputes, not petitions) of the same place and period
      a.href = name === 'mediationSuccessRate' ? '/console/mediation/figures?from=' + d.from + '&to=' + d.to + (d.region ? '&region=' + d.region.replace(/(00)+$/, '') : '')
        : mattersUrl(name === 'averageHandlingDays' ? 'closed' : name);
      a.title = (LABELS[name] || name) + '：' + (DEFS[name] || '');
      var label = document.createElement('span'); label.className = 'label'; label.textContent = LABELS[name] || name;
      var value = document.createElement('strong'); value.className = 'value'; value.textContent = fmt(name, now[name]);
      a.appendChild(label); a.appendChild(value);
      if (before && now[name] !== null && before[name] !== null && now[name] !== undefined && !SNAPSHOT[name]) {
        var delta = now[name] - before[name];
        var change = document.createElement('span');
        var good = LOWER_BETTER[name] ? delta < 0 : delta > 0;
        change.className = 'delta ' + (delta === 0 ? '' : (good ? 'up' : 'down'));
        change.textContent = d.vs + ' ' + (delta >= 0 ? '+' : '') + (isRate(name) ? (delta * 100).toFixed(1) + '个百分点'
          : (Math.round(delta * 10) / 10));
        a.appendChild(change);
      }
      box.appendChild(a);
    });
  }

  function trend(points, granularity) {
    var c = chart('chart-trend');
    if (!c) { return; }
    c.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: [LABELS.received, LABELS.closed] },
      grid: { left: 40, right: 20, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: points.map(function (p) { return granularity === 'YEAR' ? p.period.slice(0, 4)
        : granularity === 'DAY' ? p.period.slice(5) : p.period.slice(0, 7); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: LABELS.received, type: 'line', smooth: true, data: points.map(function (p) { return p.received; }) },
        { name: LABELS.closed, type: 'line', smooth: true, data: points.map(function (p) { return p.closed; }) }
      ]
    });
    // a point opens the matters received (or closed) in its day, month or year
    c.off('click');
    c.on('click', function (e) {
      var start = points[e.dataIndex].period;
      var next = e.dataIndex + 1 < points.length ? points[e.dataIndex + 1].period : addDays(d.to, 1);
      var from = start < d.from ? d.from : start;
      window.location.href = mattersUrl(e.seriesIndex === 1 ? 'closed' : 'received', { from: from, to: addDays(next, -1) });
    });
  }

  function channels(now) {
    var c = chart('chart-channels');
    if (!c) { return; }
    var data = Object.keys(now.byChannel).map(function (k) { return { name: CHANNELS[k] || k, value: now.byChannel[k], code: k }; })
      .filter(function (x) { return x.value > 0; });
    c.setOption({ tooltip: { trigger: 'item', formatter: '{b}: {c}（{d}%）' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: data, label: { formatter: '{b}\n{c}' } }] });
    c.off('click');
    c.on('click', function (e) { window.location.href = mattersUrl('received', { channel: e.data.code }); });
  }

  function categories(rows) {
    var c = chart('chart-categories');
    if (!c) { return; }
    var top = rows.filter(function (r) { return r.received > 0; }).slice(0, 12).reverse();
    c.setOption({ tooltip: { trigger: 'axis' }, grid: { left: 90, right: 20, top: 10, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: top.map(function (r) { return r.name; }) },
      series: [{ type: 'bar', data: top.map(function (r) { return { value: r.received, code: r.code || '-' }; }), itemStyle: { color: '#0b5cad' } }] });
    c.off('click');
    c.on('click', function (e) { window.location.href = mattersUrl('received', { category: e.data.code }); });
  }

  var geoLoaded = null;
  function map(rows) {
    var c = chart('chart-map');
    if (!c) { return; }
    var select = document.getElementById('map-indicator');
    var name = select ? select.value : 'received';
    geoLoaded = geoLoaded || fetch(d.map).then(function (r) { return r.json(); }).then(function (geo) {
      // labels at each county's centroid, not at its seat: 武陵区 and 鼎城区 share a seat, 津市市 sits
      // against 安乡县; at the seats the names run into each other
      // 津市市, 临澧县 and 安乡县 lie on one parallel: 津市市 goes up its own strip, 安乡县 down its own
      var LABEL_AT = { '430781': [111.86, 29.58], '430721': [112.2, 29.33] };
      (geo.features || []).forEach(function (f) {
        var p = f.properties || {};
        var at = LABEL_AT[String(p.adcode)] || p.centroid;
        if (at) { p.cp = at; }
      });
      echarts.registerMap('changde', geo);
    });
    geoLoaded.then(function () {
      var data = rows.filter(function (r) { return r.code.length === 6; }).map(function (r) {
        return { name: r.name, value: r[name] === null ? null : (isRate(name) ? Math.round(r[name] * 1000) / 10 : r[name]), code: r.code };
      });
      var values = data.map(function (x) { return x.value; }).filter(function (v) { return v !== null; });
      c.setOption({
        backgroundColor: 'transparent',
        tooltip: { trigger: 'item', formatter: function (p) { return p.name + '<br>' + (LABELS[name] || name) + '：' +
          (p.value === undefined || isNaN(p.value) ? '—' : p.value + (isRate(name) ? '%' : '')); } },
        visualMap: { min: values.length ? Math.min.apply(null, values) : 0, max: values.length ? Math.max.apply(null, values) : 1,
          left: 10, bottom: 10, calculable: true, text: ['高', '低'], inRange: { color: LOWER_BETTER[name] || !isRate(name)
            ? ['#e3f0fb', '#0b5cad'] : ['#c62828', '#fff3c4', '#1a7f37'] } },
        series: [{ type: 'map', map: 'changde', roam: false, data: data, layoutCenter: ['50%', '50%'], layoutSize: '95%',
          // light names with a dark outline: readable on the light and the dark fills alike
          label: { show: true, fontSize: screen ? 17 : 12, fontWeight: 'bold', color: screen ? '#ffffff' : '#1f2328',
            textBorderColor: screen ? '#0b1a33' : '#ffffff', textBorderWidth: screen ? 3 : 2 },
          labelLayout: { hideOverlap: true },
          emphasis: { label: { show: true } } }]
      }, true);
      c.off('click');
      c.on('click', function (e) {
        if (e.data && e.data.code) { window.location.href = mattersUrl(name === 'overdueOpen' || name === 'backlog' ? name : 'received', { regionCode: e.data.code }); }
      });
    });
  }

  function ranking(dimension, rows) {
    var table = document.getElementById('rank-' + dimension);
    if (!table) { return; }
    var select = document.querySelector('.rank-by[data-target="rank-' + dimension + '"]');
    var name = select ? select.value : 'received';
    var list = rows.filter(function (r) { return r.code && (r.received > 0 || r[name] !== null && r[name] > 0); });
    list.sort(function (a, b) {
      var x = a[name], y = b[name];
      if (x === null) { return 1; } if (y === null) { return -1; }
      return LOWER_BETTER[name] ? x - y : y - x;
    });
    var body = table.tBodies[0];
    body.innerHTML = '';
    var head = table.tHead || table.createTHead();
    // the chosen figure, then the intake beside it (once: not twice when the chosen figure is the intake)
    var withIntake = name !== 'received';
    head.innerHTML = '<tr><th>名次</th><th>' + (dimension === 'REGION' ? '地区' : '单位') + '</th><th>' + (LABELS[name] || name)
      + '</th>' + (withIntake ? '<th>' + LABELS.received + '</th>' : '') + '</tr>';
    list.slice(0, screen ? 9 : 30).forEach(function (r, i) {
      var tr = body.insertRow();
      tr.insertCell().textContent = String(i + 1);
      var a = document.createElement('a');
      a.textContent = r.name;
      a.href = mattersUrl(name === 'overdueOpen' || name === 'backlog' ? name : 'received',
        dimension === 'REGION' ? { regionCode: r.code } : { unitCode: r.code });
      tr.insertCell().appendChild(a);
      tr.insertCell().textContent = fmt(name, r[name]);
      if (withIntake) { tr.insertCell().textContent = String(r.received); }
    });
  }

  var state = {};
  function load() {
    var span = daysBetween(d.from, d.to);
    var granularity = span <= 62 ? 'DAY' : span <= 3 * 366 ? 'MONTH' : 'YEAR';
    var prevTo = addDays(d.from, -1), prevFrom = addDays(d.from, -(span + 1));
    return Promise.all([
      get('/indicators'), get('/indicators', { from: prevFrom, to: prevTo }), get('/series', { granularity: granularity }),
      get('/breakdown', { by: 'REGION' }), get('/breakdown', { by: 'UNIT' }), get('/breakdown', { by: 'CATEGORY' })
    ]).then(function (r) {
      state = { now: r[0], before: r[1], series: r[2], regions: r[3], units: r[4], categories: r[5] };
      cards(state.now, state.before);
      trend(state.series, granularity);
      channels(state.now);
      categories(state.categories);
      map(state.regions);
      ranking('REGION', state.regions);
      ranking('UNIT', state.units);
      var stamp = document.getElementById('updated-at');
      if (stamp) { stamp.textContent = new Date().toLocaleTimeString('zh-CN', { hour12: false }); }
      document.body.dataset.statsLoaded = 'true';
    }).catch(function (e) {
      var box = document.getElementById('stat-cards');
      if (box) { box.textContent = '统计数据加载失败：' + e.message; }
    });
  }

  var mapSelect = document.getElementById('map-indicator');
  if (mapSelect) { mapSelect.addEventListener('change', function () { map(state.regions || []); }); }
  document.querySelectorAll('.rank-by').forEach(function (s) {
    s.addEventListener('change', function () {
      ranking(s.dataset.target.slice(5), s.dataset.target === 'rank-REGION' ? state.regions : state.units);
    });
  });
  var period = document.getElementById('period');
  if (period) {
    period.addEventListener('change', function () {
      if (period.value !== 'custom') { period.form.from.value = ''; period.form.to.value = ''; period.form.submit(); }
    });
    var form = period.form;
    ['from', 'to'].forEach(function (n) { form[n].addEventListener('change', function () { period.value = 'custom'; }); });
  }
  var full = document.getElementById('go-fullscreen');
  if (full) { full.addEventListener('click', function () { document.documentElement.requestFullscreen && document.documentElement.requestFullscreen(); }); }
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  load();
  if (screen) { setInterval(load, Number(d.refresh || 60000)); }
})();
