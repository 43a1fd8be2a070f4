// A timeline of events: each event a dot at its date and its type's PLOVER weight (hostile
// below the line, cooperative above), coloured by quad; the list of events with evidence below.
import { get, getOntology } from "../api.js";
import { fill, h, route, s } from "../dom.js";
import { correct, eventItem, marksFor } from "../ui.js";

const W = 900;
const H = 240;
const M = { left: 64, right: 20, top: 14, bottom: 46 };
const QUADS = {
  verbal_cooperation: "verbal cooperation",
  material_cooperation: "material cooperation",
  verbal_conflict: "verbal conflict",
  material_conflict: "material conflict",
};
const MOST = 1000;

function day(iso) {
  return Date.parse(`${iso}T00:00:00Z`);
}

/** Tick dates: month starts when the span is short, else January firsts (every k years). */
function ticks(t0, t1) {
  const out = [];
  const years = (t1 - t0) / (365.25 * 864e5);
  const start = new Date(t0);
  if (years <= 2) {
    const step = years <= 0.6 ? 1 : 3;
    let d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    while (d.getTime() <= t1) {
      if (d.getUTCMonth() % step === 0) out.push([d.getTime(), d.toISOString().slice(0, 7)]);
      d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
    }
  } else {
    const step = [1, 2, 5, 10, 20, 50, 100].find((k) => years / k <= 10) || 100;
    for (let y = start.getUTCFullYear() + 1; Date.UTC(y, 0, 1) <= t1; y++) {
      if (y % step === 0) out.push([Date.UTC(y, 0, 1), String(y)]);
    }
  }
  return out;
}

/** Leave out the oldest few events when they stretch the axis (a 1941 event among 2020s ones). */
function shownRange(dated, fixed) {
  const times = dated.map((e) => day(e.date)).sort((a, b) => a - b);
  if (fixed || times.length < 20) return [times[0], times[times.length - 1]];
  return [times[Math.floor(times.length * 0.03)], times[times.length - 1]];
}

function strip(events, ontology, pick, fixed) {
  const all = events.filter((e) => e.date);
  const svg = s("svg", { class: "chart timeline", id: "timeline-chart", viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "events by date and PLOVER weight" });
  if (!all.length) return { svg, left: 0 };
  let [t0, t1] = shownRange(all, fixed);
  const dated = all.filter((e) => day(e.date) >= t0);
  if (t1 - t0 < 30 * 864e5) {
    t0 -= 15 * 864e5;
    t1 += 15 * 864e5;
  }
  const x = (t) => M.left + ((t - t0) / (t1 - t0)) * (W - M.left - M.right);
  const y = (w) => H - M.bottom - ((w + 12) / 24) * (H - M.top - M.bottom); // room beyond ±10 for the dots
  for (const w of [-10, -5, 0, 5, 10]) {
    svg.appendChild(s("line", { x1: M.left, x2: W - M.right, y1: y(w), y2: y(w), class: w === 0 ? "grid zero" : "grid" }));
    svg.appendChild(s("text", { x: M.left - 8, y: y(w) + 4, "text-anchor": "end", class: "tick" }, w > 0 ? `+${w}` : String(w)));
  }
  svg.appendChild(s("line", { x1: M.left, x2: W - M.right, y1: H - M.bottom, y2: H - M.bottom, class: "axis" }));
  for (const [t, label] of ticks(t0, t1)) {
    svg.appendChild(s("line", { x1: x(t), x2: x(t), y1: H - M.bottom, y2: H - M.bottom + 6, class: "axis" }));
    svg.appendChild(s("text", { x: x(t), y: H - M.bottom + 20, "text-anchor": "middle", class: "tick" }, label));
  }
  svg.appendChild(s("text", { x: 16, y: (M.top + H - M.bottom) / 2, "text-anchor": "middle", class: "axis-title",
    transform: `rotate(-90 16 ${(M.top + H - M.bottom) / 2})` }, "PLOVER weight"));
  for (const e of dated) {
    const type = ontology.event_types[e.type] || { quad: "other", weight: 0 };
    const jitter = ((parseInt(e.id.slice(0, 4), 16) % 9) - 4) * 0.35; // keep same-day, same-type dots apart
    svg.appendChild(
      s("circle", { class: `dot ${type.quad}`, cx: x(day(e.date)), cy: y(type.weight + jitter), r: 4.5, "data-event-id": e.id, onclick: () => pick(e) },
        s("title", {}, `${e.date} ${e.type}: ${e.source_name || "?"} → ${e.target_name || "?"}`)),
    );
  }
  return { svg, left: all.length - dated.length, from: new Date(t0).toISOString().slice(0, 10) };
}

export async function timelineView(el, _id, params) {
  const ontology = await getOntology();
  const q = { from: params.get("from") || "", to: params.get("to") || "", actor: params.get("actor") || "", type: params.get("type") || "" };
  const input = (id, type, value, label) => h("label", {}, `${label} `, h("input", { id, type, value }));
  const typeSelect = h("select", { id: "tl-type" }, h("option", { value: "" }, "any type"),
    Object.keys(ontology.event_types).map((t) => h("option", { value: t, selected: t === q.type }, t)));
  const form = h("form", { class: "controls" }, input("tl-from", "date", q.from, "From"), input("tl-to", "date", q.to, "To"),
    input("tl-actor", "text", q.actor, "Actor"), h("label", {}, "Type ", typeSelect), h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = (id) => form.querySelector(`#${id}`).value.trim();
    location.hash = route("timeline", null, { from: v("tl-from"), to: v("tl-to"), actor: v("tl-actor"), type: v("tl-type") });
  });
  const page = await get("/api/events", { from: q.from, to: q.to, actor: q.actor, type: q.type, limit: MOST });
  const list = h("ul", { class: "events timeline-events" });
  const marks = (e) => marksFor([], e.source_name, e.target_name);
  const reject = (e) => correct({ kind: "reject_event", event_id: e.id }, `Event rejected (${e.type})`, () => window.dispatchEvent(new HashChangeEvent("hashchange")));
  for (const e of page.items) list.appendChild(eventItem(e, marks(e), reject));
  const pick = (e) => {
    const row = list.querySelector(`[data-event-id="${CSS.escape(e.id)}"]`);
    list.querySelectorAll(".picked").forEach((r) => r.classList.remove("picked"));
    if (row) {
      row.classList.add("picked");
      row.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  };
  const chart = strip(page.items, ontology, pick, Boolean(q.from));
  fill(
    el,
    h("h1", {}, "Timeline of events"),
    form,
    h("p", { class: "muted" }, `${page.total} events${page.total > page.items.length ? ` (the newest ${page.items.length} shown)` : ""}; click a dot for its evidence.`),
    chart.svg,
    chart.left ? h("p", { class: "muted" }, `${chart.left} older events (before ${chart.from}) are left off the chart; set From to see them.`) : null,
    h("p", { class: "legend" }, Object.entries(QUADS).map(([k, label]) => h("span", { class: `key ${k}` }, h("span", { class: "swatch dot-key" }), label))),
    h("h2", {}, "Events, newest first"),
    list,
  );
}
