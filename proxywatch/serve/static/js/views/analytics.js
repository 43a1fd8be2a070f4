// Control and cohesion of a patron's bloc per month: the control index with the responses
// behind it, and cohesion with friction and the rifts a change-point test flags.
import { get } from "../api.js";
import { actorLink, fill, h, route } from "../dom.js";
import { barChart, lineChart, monthAxis } from "../charts.js";

const DEFAULT_PATRON = "Quds Force";

function name(names, id) {
  return (names && names[id]) || id;
}

function outcomesTable(control) {
  const rows = [];
  for (const w of control.windows) {
    for (const o of w.outcomes || []) {
      rows.push(
        h("tr", {},
          h("td", { class: "date" }, o.date || w.window),
          h("td", {}, actorLink(o.source, name(control.names, o.source)), " → ", actorLink(o.target, name(control.names, o.target)),
            h("blockquote", {}, o.sentence)),
          h("td", {}, (o.responses || []).length
            ? o.responses.map((r) => h("div", { class: r.kind }, `${r.kind} by ${name(control.names, r.source)} (${r.date || "undated"})`, h("blockquote", {}, r.sentence)))
            : h("span", { class: "muted" }, "no response read"))),
      );
    }
  }
  return h("table", { class: "outcomes" }, h("thead", {}, h("tr", {}, h("th", {}, "date"), h("th", {}, "directive"), h("th", {}, "responses"))), h("tbody", {}, rows));
}

export async function analyticsView(el, _id, params) {
  const patron = params.get("patron") || DEFAULT_PATRON;
  const input = h("input", { id: "patron-input", type: "text", value: patron, "aria-label": "Patron" });
  const form = h("form", { class: "controls" }, h("label", {}, "Patron ", input), h("button", { type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = route("charts", null, { patron: input.value.trim() });
  });
  const [control, cohesion] = await Promise.all([get("/api/control", { patron }), get("/api/cohesion", { patron })]);
  const months = monthAxis(control.windows, cohesion.windows);
  const shade = cohesion.rifts.map((r) => ({ start: r.start, end: r.end, label: `rift ${r.start} to ${r.end}: friction ${r.rate_during} a month against ${r.rate_overall}` }));
  const byMonth = (windows, f) => Object.fromEntries(windows.map((w) => [w.window, f(w)]));
  const patronName = name(control.names, control.patron);
  fill(el,
    h("h1", {}, "Control and cohesion: ", actorLink(control.patron, patronName)),
    form,
    h("p", { class: "muted" }, "Side: ", control.side.map((a) => name(control.names, a)).join(", "), ". Proxies: ",
      control.proxies.map((a) => name(control.names, a)).join(", "), "."),
    h("h2", {}, "Control index per month"),
    h("p", { class: "muted" }, `(compliance − defiance) / (compliance + defiance) of the responses to directives from the patron's side. Trend: ${control.trend}${control.slope !== null && control.slope !== undefined ? ` (slope ${control.slope >= 0 ? "+" : ""}${control.slope} a month)` : ""}. Shaded: rifts.`),
    months.length
      ? lineChart({ id: "control-chart", months, values: byMonth(control.windows, (w) => w.index), yLabel: "control index", title: "control index per month", shade })
      : h("p", { class: "muted" }, "No directive read."),
    months.length
      ? barChart({ id: "responses-chart", months, yLabel: "responses", title: "responses per month", shade,
          rows: byMonth(control.windows, (w) => ({ compliance: w.compliance, defiance: w.defiance })),
          series: [{ key: "compliance", label: "compliance", class: "compliance" }, { key: "defiance", label: "defiance", class: "defiance" }] })
      : null,
    h("p", { class: "legend" }, h("span", { class: "key compliance" }, h("span", { class: "swatch" }), "compliance"), h("span", { class: "key defiance" }, h("span", { class: "swatch" }), "defiance")),
    h("h2", {}, "Bloc cohesion per month"),
    h("p", { class: "muted" }, `Signed PLOVER weight of the interactions inside the bloc over their total weight. Rifts: ${cohesion.method}.`),
    months.length
      ? lineChart({ id: "cohesion-chart", months, values: byMonth(cohesion.windows, (w) => w.cohesion), yLabel: "cohesion", title: "bloc cohesion per month", shade })
      : h("p", { class: "muted" }, "No interaction inside the bloc."),
    months.length
      ? barChart({ id: "friction-chart", months, yLabel: "friction", title: "friction per month", shade,
          rows: byMonth(cohesion.windows, (w) => ({ defiance: w.defiance, infighting: w.infighting })),
          series: [{ key: "defiance", label: "defiance of the patron", class: "defiance" }, { key: "infighting", label: "infighting", class: "infighting" }] })
      : null,
    h("p", { class: "legend" }, h("span", { class: "key defiance" }, h("span", { class: "swatch" }), "defiance of the patron"), h("span", { class: "key infighting" }, h("span", { class: "swatch" }), "infighting"),
      h("span", { class: "key rift" }, h("span", { class: "swatch" }), "rift")),
    h("h2", {}, "Rifts"),
    cohesion.rifts.length
      ? h("ul", { class: "rifts" }, cohesion.rifts.map((r) => h("li", {}, `${r.start} to ${r.end}: friction ${r.rate_during} a month against ${r.rate_overall} overall`,
          h("ul", {}, r.events.map((e) => h("li", {}, `${e.date || "undated"} ${e.type} `, actorLink(e.source, name(cohesion.names, e.source)), " → ",
            actorLink(e.target, name(cohesion.names, e.target)), h("blockquote", {}, e.sentence)))))))
      : h("p", { class: "muted" }, "No rift flagged."),
    h("h2", {}, "Directives and responses"),
    outcomesTable(control),
  );
}
