// The start page, actor search results and the list of documents.
import { get } from "../api.js";
import { actorLink, clear, fill, h, route, when } from "../dom.js";

const PAGE = 50;

export async function searchView(el, _id, params) {
  const q = params.get("q") || "";
  document.getElementById("search-input").value = q;
  const page = await get("/api/actors", { q, limit: PAGE });
  clear(el).appendChild(h("h1", {}, "Actors matching ", h("q", {}, q)));
  if (!page.items.length) {
    el.appendChild(h("p", { class: "muted" }, "No actor has a name or alias close to this."));
    return;
  }
  el.appendChild(
    h(
      "ul",
      { class: "results" },
      page.items.map((a) =>
        h(
          "li",
          { class: "result" },
          actorLink(a.id, a.name),
          h("span", { class: "muted" }, ` ${a.type}${a.country ? `, ${a.country}` : ""}`),
          a.match
            ? h("span", { class: "match" }, ` — matched “${a.match.alias}”${a.match.exact ? "" : ` (score ${Math.round(a.match.score)})`}`)
            : null,
        ),
      ),
    ),
  );
}

function documentTable(items) {
  return h(
    "table",
    { class: "documents" },
    h("thead", {}, h("tr", {}, h("th", {}, "published"), h("th", {}, "title"), h("th", {}, "source"), h("th", { class: "num" }, "characters"))),
    h(
      "tbody",
      {},
      items.map((d) =>
        h(
          "tr",
          {},
          h("td", { class: "date" }, when(d.published)),
          h("td", {}, h("a", { class: "doc-link", href: route("document", d.id) }, d.title || d.id)),
          h("td", {}, d.source || ""),
          h("td", { class: "num" }, d.n_chars.toLocaleString("en")),
        ),
      ),
    ),
  );
}

export async function homeView(el) {
  const docs = await get("/api/documents", { limit: 10 });
  fill(el,
    h("h1", {}, "Who funds, commands, trains, obeys and defies whom"),
    h(
      "p",
      { class: "lead" },
      "Search an actor by any name or spelling above, or open the ",
      h("a", { href: "#/network" }, "network"),
      ", the ",
      h("a", { href: "#/timeline" }, "timeline of events"),
      " or the ",
      h("a", { href: "#/charts" }, "control and cohesion charts"),
      ". Every fact links to the sentence it was read in.",
    ),
    h("h2", {}, `Latest documents (${docs.total} in all)`),
    documentTable(docs.items),
    h("p", {}, h("a", { href: "#/documents" }, "All documents")),
  );
}

export async function documentsView(el, _id, params) {
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const page = await get("/api/documents", { limit: PAGE, offset });
  const nav = h("p", { class: "pager" });
  if (offset > 0) nav.appendChild(h("a", { href: route("documents", null, { offset: Math.max(0, offset - PAGE) }) }, "← newer"));
  nav.appendChild(h("span", { class: "muted" }, ` ${offset + 1}–${offset + page.items.length} of ${page.total} `));
  if (offset + PAGE < page.total) nav.appendChild(h("a", { href: route("documents", null, { offset: offset + PAGE }) }, "older →"));
  fill(el, h("h1", {}, "Documents"), documentTable(page.items), nav);
}
