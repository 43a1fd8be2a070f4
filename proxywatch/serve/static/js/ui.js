// Pieces several views share: notices, errors, event and tie rows with their evidence, an actor
// picker, and the corrections the page can make (each a POST /api/corrections with the token).
import { ApiError, get, post } from "./api.js";
import { actorLink, clear, h, highlight, route, when } from "./dom.js";

let noticeTimer = null;

/** A short message under the header; `action` is an optional [label, handler] button. */
export function notice(message, kind = "info", action = null) {
  const box = document.getElementById("notice");
  clear(box);
  box.className = `notice ${kind}`;
  box.appendChild(h("span", {}, message));
  if (action) {
    box.appendChild(h("button", { type: "button", class: "notice-action", onclick: action[1] }, action[0]));
  }
  box.appendChild(h("button", { type: "button", class: "close", "aria-label": "Dismiss", onclick: () => (box.hidden = true) }, "×"));
  box.hidden = false;
  clearTimeout(noticeTimer);
  if (kind !== "error") noticeTimer = setTimeout(() => (box.hidden = true), 12000);
}

export function errorText(err) {
  if (err instanceof ApiError) {
    if (err.status === 401 || err.status === 403) return `${err.message} (enter the operator's token at the top right)`;
    return err.message;
  }
  return String(err && err.message ? err.message : err);
}

export function errorBox(err) {
  return h("p", { class: "error" }, errorText(err));
}

/** Record a correction; on success, say so with an Undo button and call `done`. */
export async function correct(body, what, done) {
  try {
    const made = await post("/api/corrections", body);
    notice(`${what}.`, "ok", [
      "Undo",
      async () => {
        try {
          await post(`/api/corrections/${encodeURIComponent(made.id)}/undo`);
          notice(`Undone: ${what.toLowerCase()}.`, "ok");
          window.dispatchEvent(new HashChangeEvent("hashchange"));
        } catch (err) {
          notice(errorText(err), "error");
        }
      },
    ]);
    if (done) await done(made);
    return made;
  } catch (err) {
    notice(errorText(err), "error");
    return null;
  }
}

function flags(item) {
  return ["negated", "intended", "hypothetical", "historical"].filter((f) => item[f]);
}

/** Evidence sentences, each with the words for the actors marked and a link to its document. */
export function evidenceList(evidence, marks) {
  const list = h("ul", { class: "evidence-list" });
  for (const ev of evidence) {
    list.appendChild(
      h(
        "li",
        { class: "evidence" },
        h("span", { class: "sentence" }, highlight(ev.sentence.trim(), marks)),
        " ",
        ev.document_id
          ? h("a", { class: "doc-link", href: route("document", ev.document_id, { at: ev.start }) }, "document")
          : h("span", { class: "muted" }, "(actor dictionary)"),
      ),
    );
  }
  return list;
}

/** The names to mark in an event's sentences: this actor's aliases, then the other side's name. */
export function marksFor(aliases, ...names) {
  return [
    ["self", aliases || []],
    ["other", names.filter(Boolean)],
  ];
}

export function eventItem(event, marks, onReject) {
  const f = flags(event);
  return h(
    "li",
    { class: "event", "data-event-id": event.id },
    h(
      "div",
      { class: "event-head" },
      h("span", { class: "date" }, when(event.date)),
      " ",
      h("span", { class: `type quad-${event.type}` }, event.type),
      event.mode ? h("span", { class: "muted" }, ` (${event.mode})`) : null,
      " ",
      actorLink(event.source, event.source_name),
      " → ",
      actorLink(event.target, event.target_name),
      f.length ? h("span", { class: "flags" }, ` [${f.join(", ")}]`) : null,
      h("span", { class: "muted" }, ` · ${event.n_sources} document${event.n_sources === 1 ? "" : "s"}`),
      onReject ? h("button", { type: "button", class: "reject reject-event", onclick: () => onReject(event) }, "Reject") : null,
    ),
    event.evidence ? evidenceList(event.evidence, marks) : null,
  );
}

export function tieItem(tie, marks, onReject) {
  const period = [tie.start, tie.end].some(Boolean) ? ` ${tie.start || "…"} to ${tie.end || "…"}` : "";
  return h(
    "li",
    { class: `tie ${tie.valid}`, "data-tie-id": tie.id },
    h(
      "div",
      { class: "tie-head" },
      actorLink(tie.source, tie.source_name),
      " ",
      h("span", { class: "tie-type" }, tie.tie),
      " ",
      actorLink(tie.target, tie.target_name),
      h("span", { class: `validity ${tie.valid}` }, ` ${tie.valid}${period}`),
      h("span", { class: "muted" }, ` · ${tie.provenance} · ${tie.n_sources} source${tie.n_sources === 1 ? "" : "s"}`),
      onReject ? h("button", { type: "button", class: "reject reject-tie", onclick: () => onReject(tie) }, "Reject") : null,
    ),
    tie.evidence ? h("details", {}, h("summary", {}, `evidence (${tie.evidence.length})`), evidenceList(tie.evidence, marks)) : null,
  );
}

/** A search box that lists actors; `choose(actor)` is called with the one picked. */
export function actorPicker({ id, placeholder, label, exclude, choose }) {
  const input = h("input", { id, type: "search", placeholder, autocomplete: "off", "aria-label": placeholder });
  const results = h("ul", { class: "picker-results" });
  let seq = 0;
  const run = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) return clear(results);
    try {
      const page = await get("/api/actors", { q, limit: 8 });
      if (mine !== seq) return;
      clear(results);
      for (const a of page.items.filter((a) => a.id !== exclude)) {
        results.appendChild(
          h("li", {}, h("button", { type: "button", class: "pick", "data-actor-id": a.id, onclick: () => choose(a) }, `${label} ${a.name}`),
            h("span", { class: "muted" }, ` ${a.type}${a.country ? `, ${a.country}` : ""} · ${a.id}`)),
        );
      }
      if (!results.firstChild) results.appendChild(h("li", { class: "muted" }, "No actor found."));
    } catch (err) {
      clear(results).appendChild(h("li", {}, errorBox(err)));
    }
  };
  let timer = null;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  return h("div", { class: "picker" }, input, results);
}
