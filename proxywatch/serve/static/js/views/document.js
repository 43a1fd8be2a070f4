// A document: its text with every actor mention linked and every sentence an event or a tie was
// read from marked, and the list of those events and ties. The text goes in as text nodes.
import { get } from "../api.js";
import { actorLink, fill, h, route, safeHref, when } from "../dom.js";
import { correct, eventItem, tieItem } from "../ui.js";

function rerender() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

/** The text cut at every span boundary; each piece knows its mention and the facts covering it. */
function pieces(text, mentions, facts) {
  const cuts = new Set([0, text.length]);
  for (const m of mentions) cuts.add(m.start).add(m.end);
  for (const f of facts) cuts.add(f.span.start).add(f.span.end);
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    out.push({
      start,
      end,
      mention: mentions.find((m) => m.start <= start && end <= m.end) || null,
      facts: facts.filter((f) => f.span.start <= start && end <= f.span.end),
    });
  }
  return out;
}

function markedText(doc) {
  const facts = [...doc.events.map((e) => ({ ...e, kind: "event" })), ...doc.ties.map((t) => ({ ...t, kind: "tie" }))];
  const box = h("div", { id: "doc-text", class: "doc-text" });
  for (const p of pieces(doc.text, doc.mentions, facts)) {
    const words = doc.text.slice(p.start, p.end);
    let node = p.mention
      ? h("a", { class: "mention", href: route("actor", p.mention.actor_id), title: p.mention.actor_name || p.mention.actor_id,
          "data-actor-id": p.mention.actor_id }, words)
      : document.createTextNode(words);
    if (p.facts.length) {
      const kinds = new Set(p.facts.map((f) => f.kind));
      const label = p.facts.map((f) => (f.kind === "event" ? `${f.type}: ${f.source_name || "?"} → ${f.target_name || "?"}` : `${f.source_name} ${f.tie} ${f.target_name}`));
      node = h("span", { class: `fact ${[...kinds].join(" ")}`, title: label.join("\n"), "data-start": Math.min(...p.facts.map((f) => f.span.start)) }, node);
    }
    box.appendChild(node);
  }
  return box;
}

export async function documentView(el, id, params) {
  const doc = await get(`/api/documents/${encodeURIComponent(id)}`);
  const mentionMarks = [["self", [...new Set(doc.mentions.map((m) => m.text))]], ["other", []]];
  const rejectEvent = (e) => correct({ kind: "reject_event", event_id: e.id }, `Event rejected (${e.type})`, rerender);
  const rejectTie = (t) => correct({ kind: "reject_tie", tie_id: t.id }, `Tie rejected (${t.tie})`, rerender);
  const events = doc.events.map((e) => ({ ...e, evidence: [{ document_id: doc.id, sentence: e.span.sentence, start: e.span.start }] }));
  const actors = new Map(doc.mentions.map((m) => [m.actor_id, m.actor_name]));
  fill(el,
    h("h1", { class: "doc-title" }, doc.title || "(untitled document)"),
    h(
      "p",
      { class: "meta" },
      when(doc.published),
      doc.source ? ` · ${doc.source}` : "",
      ` · ${doc.fmt} · ${doc.n_chars.toLocaleString("en")} characters · `,
      doc.url && safeHref(doc.url) !== "#" ? h("a", { href: doc.url, rel: "noopener noreferrer", class: "source-url" }, "original") : h("span", { class: "muted" }, doc.origin),
    ),
    h("p", { class: "legend" }, h("span", { class: "mention" }, "actor mention"), " ", h("span", { class: "fact event" }, "sentence with an event"), " ",
      h("span", { class: "fact tie" }, "sentence with a tie")),
    h("div", { class: "doc-layout" },
      h("article", {}, markedText(doc)),
      h("aside", {},
        h("h2", {}, `Actors (${actors.size})`),
        h("ul", { class: "doc-actors" }, [...actors].map(([aid, name]) => h("li", {}, actorLink(aid, name)))),
        h("h2", {}, `Events (${doc.events.length})`),
        h("ul", { class: "events" }, events.map((e) => eventItem(e, mentionMarks, rejectEvent))),
        h("h2", {}, `Ties (${doc.ties.length})`),
        h("ul", { class: "ties" }, doc.ties.map((t) => tieItem(t, mentionMarks, rejectTie))),
      ),
    ),
  );
  const at = params.get("at");
  if (at !== null) {
    const target = el.querySelector(`.fact[data-start="${Number(at)}"]`);
    if (target) {
      target.classList.add("focus");
      target.scrollIntoView({ block: "center" });
    }
  }
}
