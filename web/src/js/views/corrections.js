// The corrections made so far, newest first, each with an Undo while it is active.
import { get, post } from "../api.js";
import { fill, h, route, when } from "../dom.js";
import { errorText, notice } from "../ui.js";
import { describe } from "./actor.js";

const PAGE = 50;

export async function correctionsView(el, _id, params) {
  const offset = Math.max(0, Number(params.get("offset")) || 0);
  const page = await get("/api/corrections", { limit: PAGE, offset, include_undone: "true" });
  const rows = page.items.map((c) =>
    h("tr", { class: `correction ${c.undone_at ? "undone" : "active"}`, "data-correction-id": c.id },
      h("td", { class: "date" }, when(c.created_at)),
      h("td", { class: "kind" }, c.kind),
      h("td", {}, describe(c)),
      h("td", {}, c.made_by || ""),
      h("td", {}, c.undone_at
        ? h("span", { class: "muted" }, `undone ${when(c.undone_at)}`)
        : h("button", { type: "button", class: "undo", onclick: async () => {
          try {
            await post(`/api/corrections/${encodeURIComponent(c.id)}/undo`);
            notice(`Undone: ${c.kind} ${c.subject}.`, "ok");
            window.dispatchEvent(new HashChangeEvent("hashchange"));
          } catch (err) {
            notice(errorText(err), "error");
          }
        } }, "Undo"))));
  const nav = h("p", { class: "pager" });
  if (offset > 0) nav.appendChild(h("a", { href: route("corrections", null, { offset: Math.max(0, offset - PAGE) }) }, "← newer"));
  if (offset + PAGE < page.total) nav.appendChild(h("a", { href: route("corrections", null, { offset: offset + PAGE }) }, " older →"));
  fill(el,
    h("h1", {}, "Corrections"),
    h("p", { class: "muted" }, "Judgements made on top of extraction: they survive re-ingest and can be undone. ",
      h("a", { href: "/api/corrections/export" }, "Export the active ones as annotation data (YAML)"), "."),
    page.items.length
      ? h("table", { class: "corrections" },
          h("thead", {}, h("tr", {}, ["when", "kind", "what", "by", ""].map((t) => h("th", {}, t)))),
          h("tbody", {}, rows))
      : h("p", { class: "muted" }, "No correction yet: merge actors or reject events and ties from their pages."),
    nav,
  );
}
