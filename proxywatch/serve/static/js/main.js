// The page's entry point: hash routes to views, the header's search box and token field.
import { getToken, setToken } from "./api.js";
import { clear, h, route } from "./dom.js";
import { errorBox } from "./ui.js";
import { actorView } from "./views/actor.js";
import { analyticsView } from "./views/analytics.js";
import { correctionsView } from "./views/corrections.js";
import { documentView } from "./views/document.js";
import { documentsView, homeView, searchView } from "./views/home.js";
import { networkView } from "./views/network.js";
import { timelineView } from "./views/timeline.js";

const VIEWS = {
  "": homeView,
  search: searchView,
  actor: actorView,
  documents: documentsView,
  document: documentView,
  network: networkView,
  timeline: timelineView,
  charts: analyticsView,
  corrections: correctionsView,
};

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, query] = hash.split("?", 2);
  const [name, ...rest] = path.split("/");
  return {
    name,
    id: rest.length ? decodeURIComponent(rest.join("/")) : null,
    params: new URLSearchParams(query || ""),
  };
}

let rendering = 0;

async function render() {
  const view = document.getElementById("view");
  const { name, id, params } = parseHash();
  const show = VIEWS[name];
  const mine = ++rendering;
  document.querySelectorAll("header nav a").forEach((a) => {
    a.classList.toggle("current", a.getAttribute("href") === `#/${name}`);
  });
  const fresh = h("div", { class: `view view-${name || "home"}`, "data-hash": location.hash }, h("p", { class: "muted loading" }, "Loading…"));
  clear(view).appendChild(fresh);
  if (!show) {
    clear(fresh).appendChild(h("p", { class: "error" }, "No such page. ", h("a", { href: "#/" }, "Start again")));
    return;
  }
  try {
    await show(fresh, id, params, () => mine !== rendering);
  } catch (err) {
    if (mine === rendering) clear(fresh).appendChild(errorBox(err));
  }
  fresh.dataset.ready = "true"; // tests and screenshots wait for this (and data-hash)
}

function setUp() {
  const form = document.getElementById("search-form");
  const input = document.getElementById("search-input");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (q) location.hash = route("search", null, { q });
  });
  const token = document.getElementById("token-input");
  token.value = getToken();
  token.addEventListener("change", () => setToken(token.value.trim()));
  token.addEventListener("input", () => setToken(token.value.trim()));
  window.addEventListener("hashchange", render);
  render();
}

setUp();
