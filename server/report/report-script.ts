/**
 * The report page's own script, inlined as text: it reads the embedded JSON and draws the
 * summary table and the charts with the inlined chart.js. Plain browser JavaScript.
 */
export const REPORT_SCRIPT = String.raw`
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var root = document.getElementById('report');
  var fmtTime = new Intl.DateTimeFormat('en-GB', { timeZone: data.timezone, month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  var num = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }
  function dur(s) { return s === null ? '-' : s < 0 ? '-' + dur(-s) : s >= 3600 ? num.format(s / 3600) + ' h' : s >= 60 ? num.format(s / 60) + ' min' : num.format(s) + ' s'; }
  function pct(share, of) { return of === 0 ? '-' : Math.round(share * 100) + '%'; }
  // one cell per column key of data.columns (SUMMARY_COLUMNS), so the table, its tooltips and the CLI agree
  function summaryCells(run, name) {
    var s = run.summary.services[name], e = s.elasticity, p = s.promises;
    return {
      policy: run.policy, service: name, detect: dur(s.detectionDelaySeconds), recover: dur(s.timeToRecoverSeconds),
      p95: num.format(s.p95DelayMs) + ' ms', p99: num.format(s.p99DelayMs) + ' ms', worst: num.format(s.worstUserDelayMs) + ' ms',
      throttled: num.format(s.requestsThrottled), dropped: num.format(s.requestsDropped), minOverSlo: num.format(s.minutesOverSlo),
      serverHours: num.format(s.serverHours), fleetChanges: num.format(s.fleetChangesPerHour),
      promises: String(p.scored), onTarget: pct(p.onTarget, p.scored), broken: pct(p.broken, p.scored), notKnown: String(p.notKnown),
      accU: num.format(e.accuracyU), accO: num.format(e.accuracyO), tsU: num.format(e.timeshareU), tsO: num.format(e.timeshareO),
      instab: num.format(e.instability), jitter: num.format(e.jitter),
    };
  }
  function summaryTable() {
    var rows = [];
    data.runs.forEach(function (run) {
      Object.keys(run.summary.services).forEach(function (name) {
        var cells = summaryCells(run, name);
        rows.push(data.columns.map(function (c) { return cells[c.key]; }));
      });
    });
    return el('table', {}, [
      el('thead', {}, [el('tr', {}, data.columns.map(function (c) { return el('th', { scope: 'col', title: c.meaning }, [c.head]); }))]),
      el('tbody', {}, rows.map(function (r) { return el('tr', {}, r.map(function (c) { return el('td', {}, [String(c)]); })); })),
    ]);
  }
  function summaryLegend() {
    var items = [];
    data.columns.forEach(function (c) { items.push(el('dt', {}, [c.head]), el('dd', {}, [c.meaning])); });
    return el('details', {}, [el('summary', {}, ['What the columns mean']), el('dl', { class: 'muted' }, items)]);
  }
  // vertical marks for level changes (dashed, labelled) and notices (dotted) on every chart
  var timelineMarks = {
    id: 'timelineMarks',
    afterDatasetsDraw: function (c, _args, opts) {
      var x = c.scales.x, area = c.chartArea, g = c.ctx;
      g.save();
      g.font = '10px system-ui, sans-serif';
      // labels go on the first of three rows where they do not run into the previous one
      var rowEnds = [-Infinity, -Infinity, -Infinity];
      (opts.marks || []).forEach(function (m) {
        var px = x.getPixelForValue(m.x);
        if (px < area.left || px > area.right) return;
        g.strokeStyle = m.color;
        g.setLineDash(m.kind === 'notice' ? [1, 3] : [4, 3]);
        g.beginPath(); g.moveTo(px, area.top); g.lineTo(px, area.bottom); g.stroke();
        if (!m.label) return;
        var row = rowEnds.findIndex(function (end) { return px > end + 2; });
        if (row < 0) return;
        g.fillStyle = m.color;
        g.fillText(m.label, px + 2, area.top + 10 + row * 11);
        rowEnds[row] = px + 2 + g.measureText(m.label).width;
      });
      g.restore();
    },
  };
  function marksOf(svc) {
    var levelColors = { normal: '#2da44e', watch: '#bf8700', surge: '#cf222e', critical: '#82071e' };
    var marks = svc.events.filter(function (e) { return e.type === 'level:changed'; }).map(function (e) {
      return { x: Date.parse(e.t), kind: 'level', color: levelColors[e.level] || '#57606a', label: e.level };
    });
    return marks.concat(svc.notices.map(function (n) { return { x: Date.parse(n.t), kind: 'notice', color: '#8250df', label: '' }; }));
  }
  function chart(canvas, datasets, opts) {
    return new Chart(canvas, {
      type: 'line',
      plugins: [timelineMarks],
      data: { datasets: datasets },
      options: {
        parsing: false, animation: false, normalized: true, maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        elements: { point: { radius: 0 }, line: { borderWidth: 1.5 } },
        scales: {
          x: { type: 'linear', ticks: { maxTicksLimit: 8, callback: function (v) { return fmtTime.format(new Date(v)); } } },
          y: { beginAtZero: true, stacked: !!opts.stacked, title: { display: true, text: opts.y } },
        },
        plugins: { timelineMarks: { marks: opts.marks }, title: { display: true, text: opts.title }, tooltip: { callbacks: { title: function (items) { return items.length ? fmtTime.format(new Date(items[0].parsed.x)) : ''; } } } },
      },
    });
  }
  function series(ticks, f) { return ticks.map(function (t) { return { x: Date.parse(t.t), y: f(t) }; }); }
  function line(label, points, color, extra) {
    var d = { label: label, data: points, borderColor: color, backgroundColor: color };
    for (var k in extra || {}) d[k] = extra[k];
    return d;
  }
  function serviceSection(run, svc) {
    var charts = el('div', { class: 'charts' });
    var specs = [
      { title: 'Demand against capacity', y: 'requests/s', sets: [
        line('demand', series(svc.ticks, function (t) { return t.demandRps; }), '#1f6feb'),
        line('capacity', series(svc.ticks, function (t) { return t.capacityRps; }), '#2da44e'),
        line('baseline', series(svc.ticks, function (t) { return t.baselineRps; }), '#8c959f', { borderDash: [4, 4] }),
      ] },
      { title: 'Refused traffic', y: 'requests/s', sets: [
        line('throttled (429)', series(svc.ticks, function (t) { return t.throttledRps; }), '#bf8700'),
        line('dropped (503)', series(svc.ticks, function (t) { return t.droppedRps; }), '#b42318'),
      ] },
      { title: 'Fleet by state', y: 'servers', stacked: true, sets: [
        line('active', series(svc.ticks, function (t) { return t.servers.active; }), '#2da44e', { fill: true }),
        line('starting', series(svc.ticks, function (t) { return t.servers.starting; }), '#54aeff', { fill: true }),
        line('provisioning', series(svc.ticks, function (t) { return t.servers.provisioning; }), '#bf8700', { fill: true }),
        line('standby', series(svc.ticks, function (t) { return t.servers.standby; }), '#d0d7de', { fill: true }),
      ] },
      { title: 'User delay against the SLO', y: 'ms', sets: [
        line('latency', series(svc.ticks, function (t) { return t.latencyMs; }), '#8250df'),
        line('SLO', series(svc.ticks, function () { return svc.sloLatencyMs; }), '#b42318', { borderDash: [6, 3] }),
      ] },
    ];
    var marks = marksOf(svc);
    specs.forEach(function (spec) {
      spec.marks = marks;
      var canvas = el('canvas', { role: 'img', 'aria-label': spec.title + ' for ' + svc.displayName });
      charts.append(el('div', { class: 'chart' }, [canvas]));
      chart(canvas, spec.sets, spec);
    });
    var items = svc.events.map(function (e) { return { t: e.t, text: e.type + ': ' + e.message }; })
      .concat(svc.decisions.map(function (d) { return { t: d.t, text: 'scale (' + d.reason + '): ' + d.message }; }))
      .concat(svc.notices.map(function (n) { return { t: n.t, text: 'notice [' + n.stage + '] ' + n.title + ': ' + n.body }; }))
      .sort(function (a, b) { return a.t < b.t ? -1 : a.t > b.t ? 1 : 0; });
    var list = el('ol', { class: 'timeline' }, items.map(function (i) { return el('li', {}, [el('span', { class: 'muted' }, [fmtTime.format(new Date(i.t)) + ' ']), i.text]); }));
    return el('section', {}, [el('h3', {}, [svc.displayName + ' (' + run.policy + ')']), charts, el('details', {}, [el('summary', {}, ['Events and notices (' + items.length + ')']), list])]);
  }
  root.append(el('h2', {}, ['Summary']), summaryTable());
  if (data.verdict) root.append(el('p', { class: 'verdict' }, [el('strong', {}, [data.verdict])]));
  root.append(summaryLegend());
  data.runs.forEach(function (run) {
    root.append(el('h2', {}, ['Policy: ' + run.policy]));
    run.services.forEach(function (svc) { root.append(serviceSection(run, svc)); });
  });
})();
`;
