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
  // x values are seconds from data.t0; the axis is labelled on whole local hours or days
  var fmtHour = new Intl.DateTimeFormat('en-GB', { timeZone: data.timezone, hour: '2-digit', minute: '2-digit' });
  var fmtDay = new Intl.DateTimeFormat('en-GB', { timeZone: data.timezone, day: 'numeric', month: 'short' });
  function at(x) { return new Date(data.t0 + x * 1000); }
  function zoneOffsetSeconds(date) {
    var p = {};
    new Intl.DateTimeFormat('en-US', { timeZone: data.timezone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(date).forEach(function (part) { p[part.type] = part.value; });
    return (Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - date.getTime()) / 1000;
  }
  var offset = zoneOffsetSeconds(at(0));
  var STEPS = [900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
  function axisTicks(min, max) {
    var step = STEPS.find(function (s) { return (max - min) / s <= 8; }) || 86400;
    var ticks = [];
    var abs = data.t0 / 1000 + offset;
    for (var v = Math.ceil((min + abs) / step) * step - abs; v <= max; v += step) ticks.push({ value: v });
    return ticks;
  }
  function axisLabel(v) {
    var local = Math.round(data.t0 / 1000 + offset + v);
    return local % 86400 === 0 ? fmtDay.format(at(v)) : fmtHour.format(at(v));
  }
  var view = data.focus || data.range || { start: 0, end: 0 };
  var allCharts = [];
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
      medianError: dur(p.medianErrorSeconds), bias: dur(p.biasSeconds),
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
      return { x: (Date.parse(e.t) - data.t0) / 1000, kind: 'level', color: levelColors[e.level] || '#57606a', label: e.level };
    });
    return marks.concat(svc.notices.map(function (n) { return { x: (Date.parse(n.t) - data.t0) / 1000, kind: 'notice', color: '#8250df', label: '' }; }));
  }
  function chart(canvas, datasets, opts) {
    var made = new Chart(canvas, {
      type: 'line',
      plugins: [timelineMarks],
      data: { datasets: datasets },
      options: {
        parsing: false, animation: false, normalized: true, maintainAspectRatio: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        elements: { point: { radius: 0 }, line: { borderWidth: 1.5 } },
        scales: {
          x: { type: 'linear', min: view.start, max: view.end, title: { display: true, text: 'Scenario time (' + data.timezone + ')' },
            afterBuildTicks: function (scale) { scale.ticks = axisTicks(scale.min, scale.max); },
            ticks: { autoSkip: false, maxRotation: 0, callback: axisLabel } },
          y: { beginAtZero: true, stacked: !!opts.stacked, title: { display: true, text: opts.y } },
        },
        plugins: { timelineMarks: { marks: opts.marks }, title: { display: true, text: opts.title }, tooltip: { callbacks: { title: function (items) { return items.length ? fmtTime.format(at(items[0].parsed.x)) : ''; } } } },
      },
    });
    allCharts.push(made);
    return made;
  }
  function series(cols, key) { return cols.x.map(function (x, i) { return { x: x, y: cols[key][i] }; }); }
  function constant(cols, y) { return cols.x.map(function (x) { return { x: x, y: y }; }); }
  function line(label, points, color, extra) {
    var d = { label: label, data: points, borderColor: color, backgroundColor: color };
    for (var k in extra || {}) d[k] = extra[k];
    return d;
  }
  function serviceSection(run, svc) {
    var charts = el('div', { class: 'charts' });
    var specs = [
      { title: 'Demand against capacity', y: 'requests/s', sets: [
        line('demand', series(svc.series, 'demand'), '#1f6feb'),
        line('capacity', series(svc.series, 'capacity'), '#2da44e'),
        line('baseline', series(svc.series, 'baseline'), '#8c959f', { borderDash: [4, 4] }),
      ] },
      { title: 'Refused traffic', y: 'requests/s', sets: [
        line('throttled (429)', series(svc.series, 'throttled'), '#bf8700'),
        line('dropped (503)', series(svc.series, 'dropped'), '#b42318'),
      ] },
      { title: 'Fleet by state', y: 'servers', stacked: true, sets: [
        line('active', series(svc.series, 'active'), '#2da44e', { fill: true }),
        line('starting', series(svc.series, 'starting'), '#54aeff', { fill: true }),
        line('provisioning', series(svc.series, 'provisioning'), '#bf8700', { fill: true }),
        line('standby', series(svc.series, 'standby'), '#d0d7de', { fill: true }),
      ] },
      { title: 'User delay against the SLO', y: 'ms', sets: [
        line('latency', series(svc.series, 'latency'), '#8250df'),
        line('SLO', constant(svc.series, svc.sloLatencyMs), '#b42318', { borderDash: [6, 3] }),
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
  // The page opens on the incidents; the whole range is one click away, for every chart at once.
  function viewSwitch() {
    if (!data.focus || !data.range || (data.focus.start === data.range.start && data.focus.end === data.range.end)) return null;
    var showing = el('span', { 'data-testid': 'report-view' });
    var button = el('button', { type: 'button' });
    function describe() {
      var whole = view === data.range;
      showing.textContent = (whole ? 'Showing the whole run, ' : 'Showing the surge (the first incidents, 45 min either side), ') + fmtTime.format(at(view.start)) + ' to ' + fmtTime.format(at(view.end)) + '. ';
      button.textContent = whole ? 'Show the surge' : 'Show the whole run';
    }
    button.addEventListener('click', function () {
      view = view === data.range ? data.focus : data.range;
      allCharts.forEach(function (c) { c.options.scales.x.min = view.start; c.options.scales.x.max = view.end; c.update('none'); });
      describe();
    });
    describe();
    return el('p', { class: 'view-switch' }, [showing, button]);
  }
  // One policy's charts at a time: four policies stacked made a page nobody scrolls through.
  function policyPicker(sections) {
    if (sections.length < 2) return null;
    var picker = el('select', { id: 'policy-picker' }, data.runs.map(function (run, i) { return el('option', { value: String(i) }, [run.policy]); }));
    picker.addEventListener('change', function () { sections.forEach(function (s, i) { s.hidden = String(i) !== picker.value; }); });
    return el('p', { class: 'policy-picker' }, [el('label', { for: 'policy-picker' }, ['Policy shown ']), picker]);
  }
  root.append(el('h2', {}, ['Summary']), summaryTable());
  if (data.verdict) root.append(el('p', { class: 'verdict' }, [el('strong', {}, [data.verdict])]));
  root.append(summaryLegend());
  var sections = data.runs.map(function (run, i) {
    var section = el('section', { class: 'run' }, [el('h2', {}, ['Policy: ' + run.policy])]);
    section.hidden = i > 0;
    return section;
  });
  [policyPicker(sections), viewSwitch()].forEach(function (node) { if (node) root.append(node); });
  sections.forEach(function (section, i) {
    root.append(section);
    data.runs[i].services.forEach(function (svc) { section.append(serviceSection(data.runs[i], svc)); });
  });
})();
`;
