// Draws every chart on the page from its data-chart JSON. No animation: screenshots and PDFs are stable.
import {
  Chart, BarController, BarElement, CategoryScale, DoughnutController, ArcElement, Filler, Legend, LinearScale,
  LineController, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip, type TooltipItem,
} from 'chart.js';
import { chartFormatter as formatter } from './chart-format.ts';

Chart.register(BarController, BarElement, CategoryScale, DoughnutController, ArcElement, Filler, Legend, LinearScale, LineController, LineElement, PointElement, RadarController, RadialLinearScale, Tooltip);

// Labels in the page's own (self-hosted) font, so a printed chart needs no system font.
Chart.defaults.font.family = getComputedStyle(document.documentElement).fontFamily;
// Chromium prints a canvas drawn during `beforeprint` as vector graphics (sharp, small, quick to print)
// instead of a bitmap, so every chart draws itself again then — sized for the page as it is laid out now
// (fonts loaded), so the same page always prints the same chart.
addEventListener('beforeprint', () => {
  for (const chart of Object.values(Chart.instances)) {
    const canvas = chart.canvas;
    chart.options.aspectRatio = aspectRatio(JSON.parse(canvas.dataset.chart!) as Config, canvas.parentElement?.clientWidth ?? 800);
    chart.resize();
    chart.draw();
  }
});

const COLORS = ['#1f6a48', '#c2772b', '#3d6fb6', '#a3261c', '#7a5aa8', '#2a9d8f', '#8a8d2e', '#b5487a', '#5b6b60', '#d1a01c', '#0f4c81', '#e07a5f', '#6d597a', '#56a3a6'];

interface Config {
  type: 'line' | 'bar' | 'stacked' | 'radar' | 'doughnut' | 'horizontal';
  labels: string[];
  datasets: Array<{ label: string; data: number[]; line?: boolean }>;
  unit: 'money' | 'count' | 'rate' | 'number';
  locale: string;
  currency: string;
}

/** Width ÷ height: bar charts on their side get a row per label; phones get taller charts. */
function aspectRatio(c: Config, width: number): number {
  if (c.type === 'horizontal') return width / (60 + 30 * c.labels.length * Math.max(1, c.datasets.length * 0.6));
  if (c.type === 'radar' || c.type === 'doughnut') return width < 600 ? 0.9 : 1.6;
  return width < 600 ? 0.95 : 2.2;
}

/**
 * Loads the web-font files (by unicode range) that the charts' words and numbers need. Chart.js measures a
 * label once per font name and keeps the width: measured with a fallback font while the file loads, an axis
 * keeps that width in every later drawing (the print too), so the same page would not always print the same.
 */
async function loadChartFonts(canvases: HTMLCanvasElement[]): Promise<void> {
  const text = canvases.map((canvas) => {
    const c = JSON.parse(canvas.dataset.chart!) as Config;
    const format = formatter(c);
    return [...c.labels, ...c.datasets.map((d) => d.label), ...c.datasets.flatMap((d) => d.data.map(format))].join(' ');
  });
  const sample = `${text.join(' ')} 0123456789.,−-+%`;
  const family = Chart.defaults.font.family ?? 'sans-serif';
  // A font file that fails to load leaves the fallback font: the charts are drawn all the same.
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 12px ${family}`, sample).catch(() => [])));
}

export async function drawCharts(): Promise<void> {
  // Charts of a body swapped out (`shopplan dev`) are let go.
  for (const chart of Object.values(Chart.instances)) if (!chart.canvas.isConnected) chart.destroy();
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-chart]')].filter((canvas) => !canvas.dataset.drawn);
  if (!canvases.length) return;
  await loadChartFonts(canvases);
  for (const canvas of canvases) {
    if (canvas.dataset.drawn) continue;
    const c = JSON.parse(canvas.dataset.chart!) as Config;
    const format = formatter(c);
    const stacked = c.type === 'stacked';
    const base = c.type === 'stacked' || c.type === 'horizontal' ? 'bar' : c.type;
    const datasets = c.datasets.map((d, i) => {
      const color = COLORS[i % COLORS.length]!;
      const asLine = d.line || base === 'line';
      return {
        label: d.label,
        data: d.data,
        type: d.line ? ('line' as const) : undefined,
        borderColor: base === 'doughnut' ? '#fff' : color,
        backgroundColor: base === 'doughnut' ? c.datasets[0]!.data.map((_, k) => COLORS[k % COLORS.length]) : asLine ? color : `${color}cc`,
        borderWidth: asLine ? 2 : 1,
        pointRadius: asLine ? 2 : undefined,
        fill: base === 'radar' ? true : false,
        ...(base === 'radar' ? { backgroundColor: `${color}33` } : {}),
      };
    });
    new Chart(canvas, {
      type: base,
      data: { labels: c.labels, datasets } as never,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: aspectRatio(c, canvas.parentElement?.clientWidth ?? 800),
        indexAxis: c.type === 'horizontal' ? 'y' : 'x',
        plugins: {
          legend: { display: c.datasets.length > 1 || base === 'doughnut', position: 'bottom' },
          tooltip: { callbacks: { label: (ctx: TooltipItem<'bar' | 'line' | 'radar' | 'doughnut'>) => {
                const p = ctx.parsed as { x?: number; y?: number; r?: number };
                const value = base === 'radar' ? p.r : base === 'doughnut' ? (ctx.raw as number) : c.type === 'horizontal' ? p.x : p.y;
                return `${ctx.dataset.label}: ${format(value ?? 0)}`;
              } } },
        },
        scales:
          base === 'radar'
            ? { r: { beginAtZero: true, suggestedMax: 5 } }
            : base === 'doughnut'
              ? {}
              : {
                  x: { stacked, ticks: c.type === 'horizontal' ? { callback: (v: number | string) => format(v) } : {} },
                  y: { stacked, beginAtZero: true, ticks: c.type === 'horizontal' ? {} : { callback: (v: number | string) => format(v) } },
                },
      } as never,
    });
    canvas.dataset.drawn = 'true';
  }
}
