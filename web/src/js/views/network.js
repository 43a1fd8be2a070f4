// The network of a window (Cytoscape.js): actors coloured by type, standing ties coloured by
// tie type, and the window's interactions summed per pair, green when cooperative and red when
// hostile (their signed PLOVER weight). Labels are drawn on a canvas, never parsed as markup.
import cytoscape from "../../vendor/cytoscape.esm.min.js";
import { get, getOntology } from "../api.js";
import { actorLink, fill, h, route } from "../dom.js";

const NODE_COLOURS = ["#c0504d", "#2a5db0", "#e08a1e", "#3a9d5d", "#8e5bb5", "#1f9aa8", "#a36b2b", "#d45d9c", "#6f7b8a", "#9aa61f"];
const TIE_COLOURS = ["#2a5db0", "#7a4fb3", "#0f8f8f", "#b07a1e", "#d45d9c", "#556b2f", "#4a6fa5", "#8c6d46", "#6a5acd", "#2e8b57", "#a0522d", "#708090", "#b8860b"];
const MAX_EDGES = 3000;
const COOPERATIVE = "#2e9e4f";
const HOSTILE = "#d0342c";

function colourMap(keys, palette) {
  return Object.fromEntries(keys.map((k, i) => [k, palette[i % palette.length]]));
}

function isoDay(d) {
  return d.toISOString().slice(0, 10);
}

/** The year up to the newest dated event: a window small enough to read. */
async function defaultWindow() {
  const newest = await get("/api/events", { limit: 1 });
  const last = newest.items.length && newest.items[0].date ? new Date(`${newest.items[0].date}T00:00:00Z`) : new Date();
  const first = new Date(last);
  first.setUTCFullYear(first.getUTCFullYear() - 1);
  return { from: isoDay(first), to: isoDay(last) };
}

function legend(title, entries) {
  return h("div", { class: "legend-group" }, h("strong", {}, title),
    entries.map(([label, colour, cls]) => h("span", { class: `key ${cls || ""}` }, h("span", { class: "swatch", "data-colour": colour }), label)));
}

function paintSwatches(root) {
  // Colours are set through the CSSOM (allowed by the page's CSP), not style attributes.
  root.querySelectorAll(".swatch").forEach((sw) => {
    if (sw.parentElement.classList.contains("dashed")) sw.style.borderTopColor = sw.dataset.colour;
    else sw.style.background = sw.dataset.colour;
  });
}

export async function networkView(el, _id, params, stale) {
  const ontology = await getOntology();
  const nodeColour = colourMap(Object.keys(ontology.actor_types), NODE_COLOURS);
  const tieColour = colourMap(Object.keys(ontology.tie_types), TIE_COLOURS);
  const window_ = params.get("from") || params.get("to") ? { from: params.get("from") || "", to: params.get("to") || "" } : await defaultWindow();
  const show = {
    ties: params.get("ties") !== "0",
    dictionary: params.get("dictionary") === "1",
    interactions: params.get("interactions") !== "0",
  };
  const from = h("input", { type: "date", id: "net-from", value: window_.from });
  const to = h("input", { type: "date", id: "net-to", value: window_.to });
  const box = (id, label, on) => h("label", { class: "check" }, h("input", { type: "checkbox", id, checked: on }), ` ${label}`);
  const form = h("form", { class: "controls", id: "network-form" },
    h("label", {}, "From ", from), h("label", {}, "To ", to),
    box("net-ties", "standing ties", show.ties), box("net-dictionary", "ties from the dictionary alone", show.dictionary),
    box("net-interactions", "interactions", show.interactions),
    h("button", { type: "submit" }, "Draw"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const flag = (id) => (form.querySelector(`#${id}`).checked ? "1" : "0");
    location.hash = route("network", null, { from: from.value, to: to.value, ties: flag("net-ties"),
      dictionary: flag("net-dictionary"), interactions: flag("net-interactions") });
  });
  const graph = await fetchGraph(window_);
  if (stale()) return;
  const names = graph.nodes;
  const nodes = new Map();
  const edges = graph.edges.filter((e) =>
    e.kind === "tie" ? show.ties && (show.dictionary || e.provenance !== "dictionary") : show.interactions);
  const degree = new Map();
  for (const e of edges) for (const end of [e.source, e.target]) degree.set(end, (degree.get(end) || 0) + 1);
  const ids = new Set(degree.keys());
  const crowded = ids.size > 40; // then only the better-connected actors are labelled; the rest on hover
  const info = h("div", { class: "node-info", id: "node-info" }, h("p", { class: "muted" }, "Click an actor for its ties and events here."));
  const canvas = h("div", { id: "cy", class: "cy" });
  const usedTypes = new Set();
  const usedTies = new Set();
  fill(el,
    h("h1", {}, "Network"),
    form,
    h("p", { class: "muted summary" }),
    h("div", { class: "network-layout" }, canvas, info),
  );
  for (const id of ids) {
    const n = names.get(id) || { id, name: id, type: "other" };
    usedTypes.add(n.type || "other");
    nodes.set(id, {
      data: { id, label: n.name || id, type: n.type || "other", colour: nodeColour[n.type] || "#888", degree: degree.get(id) },
      classes: crowded && degree.get(id) < 3 ? "minor" : "",
    });
  }
  const elements = [...nodes.values()];
  edges.forEach((e, i) => {
    if (e.kind === "tie") usedTies.add(e.tie);
    elements.push({
      data: {
        id: `e${i}`, source: e.source, target: e.target, kind: e.kind,
        colour: e.kind === "tie" ? tieColour[e.tie] || "#999" : e.weight >= 0 ? COOPERATIVE : HOSTILE,
        width: e.kind === "tie" ? 1.5 : Math.min(8, 1 + Math.log2(1 + (e.count || 1))),
        label: e.kind === "tie" ? e.tie : `${e.count} events, weight ${e.weight}`,
        valid: e.valid || "current",
      },
    });
  });
  el.querySelector(".summary").textContent =
    `${nodes.size} actors and ${edges.length} edges from ${window_.from || "the start"} to ${window_.to || "the end"}` +
    (graph.edges.length < graph.total ? ` (the first ${graph.edges.length} of ${graph.total} edges)` : "") + ".";
  el.querySelector(".network-layout").after(
    h("div", { class: "legend" },
      legend("Actor type", [...usedTypes].sort().map((t) => [t.replace(/_/g, " "), nodeColour[t] || "#888"])),
      legend("Tie", [...usedTies].sort().map((t) => [t.replace(/_/g, " "), tieColour[t] || "#999", "line"])),
      legend("Interactions (dashed)", [["cooperative", COOPERATIVE, "line dashed"], ["hostile", HOSTILE, "line dashed"]])),
  );
  paintSwatches(el);
  const cy = cytoscape({
    container: canvas,
    elements,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 14, color: "#1d2430",
        "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "ellipsis", "text-max-width": 170, width: 16, height: 16,
        "min-zoomed-font-size": 7, "text-background-color": "#ffffff", "text-background-opacity": 0.7, "text-background-padding": 1 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "arrow-scale": 0.7, opacity: 0.8 } },
      { selector: 'edge[kind = "interaction"]', style: { "line-style": "dashed" } },
      { selector: 'edge[valid = "former"]', style: { "line-style": "dotted", opacity: 0.5 } },
      { selector: "node", style: { width: "mapData(degree, 1, 16, 12, 30)", height: "mapData(degree, 1, 16, 12, 30)" } },
      { selector: "node.minor", style: { label: "" } },
      { selector: "node.minor.hover, node.minor:selected", style: { label: "data(label)" } },
      { selector: "node:selected", style: { "border-width": 3, "border-color": "#111" } },
      { selector: ".faded", style: { opacity: 0.15 } },
    ],
    layout: { name: "cose", animate: false, randomize: true, nodeRepulsion: () => 90000, nodeOverlap: 40, idealEdgeLength: () => 80,
      edgeElasticity: () => 80, gravity: 0.8, numIter: 2500, componentSpacing: 40, fit: true, padding: 30 },
  });
  cy.on("mouseover", "node", (evt) => evt.target.addClass("hover"));
  cy.on("mouseout", "node", (evt) => evt.target.removeClass("hover"));
  cy.on("tap", "node", (evt) => showNode(cy, evt.target, edges, names, info));
  cy.on("tap", (evt) => {
    if (evt.target === cy) {
      cy.elements().removeClass("faded");
    }
  });
  canvas.dataset.nodes = String(nodes.size);
  canvas.dataset.edges = String(edges.length);
}

/** The graph of a window, page by page (at most MAX_EDGES edges): edges, and nodes by id. */
async function fetchGraph(window_) {
  const edges = [];
  const nodes = new Map();
  let total = 0;
  do {
    const page = await get("/api/graph", { from: window_.from, to: window_.to, limit: 1000, offset: edges.length });
    edges.push(...page.edges);
    page.nodes.forEach((n) => nodes.set(n.id, n));
    total = page.total;
    if (!page.edges.length) break;
  } while (edges.length < Math.min(total, MAX_EDGES));
  return { edges, nodes, total };
}

function showNode(cy, node, edges, names, info) {
  const id = node.id();
  cy.elements().addClass("faded");
  node.closedNeighborhood().removeClass("faded");
  const n = names.get(id) || { id, name: id };
  const mine = edges.filter((e) => e.source === id || e.target === id);
  const other = (e) => (e.source === id ? e.target : e.source);
  fill(info,
    h("h2", {}, actorLink(id, n.name)),
    h("p", { class: "muted" }, `${n.type || ""}${n.country ? ` · ${n.country}` : ""}`),
    h("ul", { class: "node-edges" }, mine.map((e) => h("li", {},
      e.source === id ? "→ " : "← ", actorLink(other(e), (names.get(other(e)) || {}).name),
      e.kind === "tie" ? ` ${e.tie} (${e.valid}, ${e.provenance})` : ` ${e.count} events (${Object.entries(e.types || {}).map(([t, c]) => `${t} ${c}`).join(", ")}), weight ${e.weight}`))),
    h("p", {}, h("a", { href: route("actor", id) }, "Open the actor's page")),
  );
}
