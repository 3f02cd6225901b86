// Line charts for self-assessment progress: one line per area, from the JSON in <script id="…">.
// The table beside each chart carries the same figures for screen readers and keyboard users.
/* global Chart */
(function () {
  const colours = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92', '#f47738', '#5694ca', '#912b88', '#85994b']
  document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart)
    if (!source) return
    const data = JSON.parse(source.textContent)
    canvas.parentElement.style.height = '320px'
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.series.map((s, i) => ({ label: s.label, data: s.values, borderColor: colours[i % colours.length], backgroundColor: colours[i % colours.length], spanGaps: true }))
      },
      options: { responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { suggestedMin: 0, suggestedMax: 5 } } }
    })
  })
})()
