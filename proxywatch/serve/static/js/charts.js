// Month charts drawn as SVG by our own code: a line chart (an index from -1 to +1) and stacked
// bars (counts), with labelled axes, month labels spaced so that they never run together, and
// shaded ranges (rifts). Labels are text nodes; nothing from the data becomes markup.
import { s } from "./dom.js";

const W = 900;
const H = 250;
const M = { left: 64, right: 20, top: 14, bottom: 58 };
const LABEL_PX = 62; // room one "YYYY-MM" label needs at 12px, with a gap

/** Every month from first to last ("YYYY-MM"), inclusive. */
export function monthsBetween(first, last) {
  const out = [];
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** The months a list of windows spans (undated windows left out). */
export function monthAxis(...windowLists) {
  const dated = windowLists.flat().map((w) => w.window).filter((w) => /^\d{4}-\d{2}$/.test(w)).sort();
  return dated.length ? monthsBetween(dated[0], dated[dated.length - 1]) : [];
}

function frame(months, low, high, ticks, yLabel, title) {
  const band = (W - M.left - M.right) / Math.max(months.length, 1);
  const x = (i) => M.left + (i + 0.5) * band;
  const y = (v) => H - M.bottom - ((v - low) / (high - low)) * (H - M.top - M.bottom);
  const svg = s("svg", { class: "chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": title });
  const grid = s("g", { class: "grid" });
  for (const t of ticks) {
    grid.appendChild(s("line", { x1: M.left, x2: W - M.right, y1: y(t), y2: y(t), class: t === 0 ? "zero" : "" }));
    grid.appendChild(s("text", { x: M.left - 8, y: y(t) + 4, "text-anchor": "end", class: "tick" }, fmt(t)));
  }
  svg.appendChild(grid);
  // x axis: a tick per month, a label every `stride` months so that labels keep LABEL_PX apart
  const stride = Math.max(1, Math.ceil(LABEL_PX / band));
  const axis = s("g", { class: "x-axis" });
  axis.appendChild(s("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: "axis" }));
  months.forEach((m, i) => {
    const labelled = i % stride === 0;
    axis.appendChild(
      s("line", { x1: x(i), x2: x(i), y1: H - M.bottom, y2: H - M.bottom + (labelled ? 6 : 3), class: "axis" }),
    );
    if (labelled) axis.appendChild(s("text", { x: x(i), y: H - M.bottom + 20, "text-anchor": "middle", class: "tick" }, m));
  });
  axis.appendChild(s("text", { x: (M.left + W - M.right) / 2, y: H - 10, "text-anchor": "middle", class: "axis-title" }, "month"));
  axis.appendChild(
    s("text", { x: 16, y: (M.top + H - M.bottom) / 2, "text-anchor": "middle", class: "axis-title",
      transform: `rotate(-90 16 ${(M.top + H - M.bottom) / 2})` }, yLabel),
  );
  svg.appendChild(axis);
  return { svg, x, y, band };
}

function fmt(v) {
  return Number.isInteger(v) ? String(v) : v.toFixed(1);
}

function shadeRanges(chart, months, shade) {
  for (const { start, end, label } of shade || []) {
    const i = months.indexOf(start);
    const j = months.indexOf(end);
    if (i < 0 || j < 0) continue;
    const x0 = chart.x(i) - chart.band / 2;
    const x1 = chart.x(j) + chart.band / 2;
    chart.svg.insertBefore(
      s("rect", { class: "rift", x: x0, y: M.top, width: x1 - x0, height: H - M.top - M.bottom }, s("title", {}, label)),
      chart.svg.firstChild,
    );
  }
}

/** values: {month: number|null}; months without a value break the line. */
export function lineChart({ months, values, low = -1, high = 1, ticks = [-1, -0.5, 0, 0.5, 1], yLabel, title, shade, id }) {
  const chart = frame(months, low, high, ticks, yLabel, title);
  if (id) chart.svg.setAttribute("id", id);
  shadeRanges(chart, months, shade);
  let run = [];
  const lines = s("g", { class: "series" });
  const flush = () => {
    if (run.length > 1) lines.appendChild(s("polyline", { class: "line", points: run.join(" ") }));
    run = [];
  };
  months.forEach((m, i) => {
    const v = values[m];
    if (v === null || v === undefined) return flush();
    run.push(`${chart.x(i).toFixed(1)},${chart.y(v).toFixed(1)}`);
    lines.appendChild(
      s("circle", { class: "dot", cx: chart.x(i), cy: chart.y(v), r: 4 }, s("title", {}, `${m}: ${v >= 0 ? "+" : ""}${v.toFixed(2)}`)),
    );
  });
  flush();
  chart.svg.appendChild(lines);
  return chart.svg;
}

/** Stacked bars per month: series [{key, label, class}], rows {month: {key: count}}. */
export function barChart({ months, rows, series, yLabel, title, shade, id }) {
  const totals = months.map((m) => series.reduce((sum, k) => sum + ((rows[m] || {})[k.key] || 0), 0));
  const top = Math.max(1, ...totals);
  const step = top <= 5 ? 1 : Math.ceil(top / 5);
  const ticks = [];
  for (let t = 0; t <= top + step - 1; t += step) ticks.push(t);
  const chart = frame(months, 0, ticks[ticks.length - 1], ticks, yLabel, title);
  if (id) chart.svg.setAttribute("id", id);
  shadeRanges(chart, months, shade);
  const bars = s("g", { class: "series" });
  const width = Math.max(1, chart.band * 0.7);
  months.forEach((m, i) => {
    let base = 0;
    for (const { key, label, class: cls } of series) {
      const n = (rows[m] || {})[key] || 0;
      if (!n) continue;
      const y0 = chart.y(base);
      const y1 = chart.y(base + n);
      bars.appendChild(
        s("rect", { class: `bar ${cls}`, x: chart.x(i) - width / 2, y: y1, width, height: y0 - y1 }, s("title", {}, `${m}: ${n} ${label}`)),
      );
      base += n;
    }
  });
  chart.svg.appendChild(bars);
  return chart.svg;
}
