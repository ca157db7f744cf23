// 驾驶舱: draws the three charts from the figures the server put in #dashboard-data (the same figures as the tables
// under each chart). A click on a bar or a funnel stage opens the ledger of that unit.
(function () {
  'use strict';
  var holder = document.getElementById('dashboard-data');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.dataset.chart);
  var charts = [];
  var palette = ['#1f5fa8', '#2e8b57', '#d48806', '#8e44ad', '#c0392b', '#16a085', '#7f8c8d'];

  function ledgerOf(unit) {
    return '/ledger' + (unit ? '?unit=' + encodeURIComponent(unit) : '');
  }

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element) {
      return null;
    }
    var chart = echarts.init(element, null, { renderer: 'canvas', locale: 'ZH' });
    option.aria = { enabled: true };
    option.color = palette;
    option.textStyle = { fontFamily: 'inherit' };
    chart.setOption(option);
    charts.push(chart);
    return chart;
  }

  var funnel = draw('chart-funnel', {
    tooltip: { trigger: 'item', formatter: '{b}：{c}' },
    series: [{
      type: 'funnel', sort: 'none', minSize: '8%', left: '8%', width: '84%', top: 10, bottom: 10, gap: 2,
      label: { show: true, position: 'inside', formatter: '{b} {c}' },
      data: data.funnel
    }]
  });
  if (funnel) {
    funnel.on('click', function () { window.location.href = ledgerOf(data.unit); });
  }

  var unitNames = data.units.map(function (u) { return u.name; });
  var rates = draw('chart-rates', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v == null ? '—' : v + '%'; } },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 48, right: 16, top: 48, bottom: 56 },
    xAxis: { type: 'category', data: unitNames, axisLabel: { interval: 0, rotate: unitNames.length > 4 ? 30 : 0 } },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: data.rateNames.map(function (name, i) {
      return { name: name, type: 'bar', data: data.units.map(function (u) { return u.rates[i]; }) };
    })
  });
  if (rates) {
    rates.on('click', function (params) { window.location.href = ledgerOf(data.units[params.dataIndex].code); });
  }

  var warnings = draw('chart-warnings', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 56 },
    xAxis: { type: 'category', data: data.warnings.map(function (w) { return w.unitName; }), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '履约节点逾期', type: 'bar', stack: 'warnings', data: data.warnings.map(function (w) { return w.overdueMilestones; }) },
      { name: '未及时更新', type: 'bar', stack: 'warnings', data: data.warnings.map(function (w) { return w.staleFlags; }) }
    ]
  });
  if (warnings) {
    warnings.on('click', function (params) { window.location.href = ledgerOf(data.warnings[params.dataIndex].unit); });
  }

  window.addEventListener('resize', function () {
    charts.forEach(function (chart) { chart.resize(); });
  });
}());
