// Draws a bar chart for every <canvas data-chart="id">, from the JSON in <script id="id">.
// The table beside each chart carries the same figures for screen readers and keyboard users.
/* global Chart */
(function () {
  const colour = getComputedStyle(document.documentElement).getPropertyValue('--app-chart-colour') || '#1d70b8'
  document.querySelectorAll('canvas[data-chart]').forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.chart)
    if (!source) return
    const data = JSON.parse(source.textContent)
    const horizontal = data.labels.length > 6
    canvas.parentElement.style.height = horizontal ? `${Math.max(240, data.labels.length * 28)}px` : '320px'
    // eslint-disable-next-line no-new
    new Chart(canvas, {
      type: 'bar',
      data: { labels: data.labels, datasets: [{ label: data.label, data: data.values, backgroundColor: colour.trim() || '#1d70b8' }] },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false }, title: { display: true, text: data.label } }
      }
    })
  })
})()
