// An actor's page: names, ties with validity and provenance, events as source and as target
// with their evidence (the actor's names marked), and the corrections an analyst can make here.
import { get, post } from "../api.js";
import { actorLink, fill, h, route, when } from "../dom.js";
import { actorPicker, correct, errorText, eventItem, marksFor, notice, tieItem } from "../ui.js";

const PAGE = 25;

function rerender() {
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}

function eventsSection(profile, side, title) {
  const key = `events_${side}`;
  const list = h("ul", { class: `events events-${side}` });
  const marks = (e) => marksFor(profile.aliases.concat([profile.name]), side === "as_source" ? e.target_name : e.source_name);
  const reject = (e) => correct({ kind: "reject_event", event_id: e.id }, `Event rejected (${e.type}, ${when(e.date)})`, rerender);
  const add = (items) => items.forEach((e) => list.appendChild(eventItem(e, marks(e), reject)));
  add(profile[key].items);
  let shown = profile[key].items.length;
  const total = profile[key].total;
  const more = h("button", { type: "button", class: "more" }, "More events");
  more.hidden = shown >= total;
  more.addEventListener("click", async () => {
    const next = await get(`/api/actors/${encodeURIComponent(profile.id)}`, { limit: PAGE, offset: shown });
    add(next[key].items);
    shown += next[key].items.length;
    more.hidden = shown >= total || !next[key].items.length;
  });
  return h("section", { class: `events-section ${side}` }, h("h2", {}, `${title} (${total})`),
    total ? list : h("p", { class: "muted" }, "None read."), more);
}

function correctionsList(items) {
  if (!items || !items.length) return null;
  return h(
    "section",
    { class: "actor-corrections" },
    h("h2", {}, "Corrections that touch this actor"),
    h(
      "ul",
      { class: "corrections" },
      items.map((c) =>
        h("li", { class: "correction", "data-correction-id": c.id },
          h("span", { class: "kind" }, c.kind), " ", h("span", {}, describe(c)),
          h("span", { class: "muted" }, ` · ${c.made_by || "analyst"} · ${when(c.created_at)}`),
          h("button", { type: "button", class: "undo", onclick: async () => {
            try {
              await post(`/api/corrections/${encodeURIComponent(c.id)}/undo`);
              notice(`Undone: ${c.kind} ${c.subject}.`, "ok");
              rerender();
            } catch (err) {
              notice(errorText(err), "error");
            }
          } }, "Undo")),
      ),
    ),
  );
}

export function describe(c) {
  const detail = Object.entries(c.detail || {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : v}`);
  return `${c.subject}${detail.length ? ` (${detail.join("; ")})` : ""}${c.reason ? ` — ${c.reason}` : ""}`;
}

function actions(profile) {
  const reason = h("input", { id: "correction-reason", type: "text", placeholder: "why (optional)", "aria-label": "Reason for the correction" });
  const merge = actorPicker({
    id: "merge-search",
    placeholder: "Find the actor to merge into",
    label: "Merge into",
    exclude: profile.id,
    choose: (into) =>
      correct(
        { kind: "merge", actor_id: profile.id, into_id: into.id, reason: reason.value.trim() || undefined },
        `${profile.name} merged into ${into.name}`,
        () => {
          location.hash = route("actor", into.id);
        },
      ),
  });
  const type = h("input", { id: "set-type", type: "text", placeholder: profile.type, "aria-label": "Actor type" });
  const country = h("input", { id: "set-country", type: "text", placeholder: profile.country || "ISO3", size: 5, "aria-label": "Country (ISO 3166 alpha-3)" });
  const set = h("button", { type: "button", onclick: () => {
    const body = { kind: "set_actor", actor_id: profile.id, reason: reason.value.trim() || undefined };
    if (type.value.trim()) body.type = type.value.trim();
    if (country.value.trim()) body.country = country.value.trim().toUpperCase();
    if (!body.type && !body.country) return notice("Give a type or a country to set.", "error");
    correct(body, `${profile.name}: type/country set`, rerender);
  } }, "Set");
  return h(
    "details",
    { class: "actions", open: true },
    h("summary", {}, "Correct this actor"),
    h("div", { class: "action-row" }, h("label", {}, "Reason ", reason)),
    h("div", { class: "action-row" }, h("span", { class: "label" }, `Same actor as another? Merge ${profile.name} into:`), merge),
    h("div", { class: "action-row" }, h("span", { class: "label" }, "Type and country:"), type, country, set),
  );
}

export async function actorView(el, id) {
  const profile = await get(`/api/actors/${encodeURIComponent(id)}`, { limit: PAGE });
  const marks = marksFor(profile.aliases.concat([profile.name]));
  const rejectTie = (t) => correct({ kind: "reject_tie", tie_id: t.id }, `Tie rejected (${t.source_name} ${t.tie} ${t.target_name})`, rerender);
  const merged = (profile.merged_from || []).map((m) => (typeof m === "string" ? m : m.id));
  fill(el,
    h("h1", { class: "actor-name" }, profile.name),
    profile.requested_id && profile.requested_id !== profile.id
      ? h("p", { class: "merged-note" }, `${profile.requested_id} was merged into this actor; its page is this one.`)
      : null,
    h(
      "p",
      { class: "meta" },
      h("span", { class: "actor-type" }, profile.type),
      profile.country ? h("span", {}, ` · ${profile.country}`) : null,
      h("span", { class: "muted" }, ` · ${profile.origin} · id ${profile.id}`),
      profile.part_of ? h("span", {}, " · part of ", actorLink(profile.part_of, profile.part_of)) : null,
      " · ",
      h("a", { href: route("timeline", null, { actor: profile.id }) }, "events on the timeline"),
    ),
    merged.length ? h("p", { class: "merged-from" }, "Merged from: ", merged.join(", ")) : null,
    h("h2", {}, "Aliases"),
    h("ul", { class: "aliases" }, profile.aliases.map((a) => h("li", {}, a))),
    actions(profile),
    correctionsList(profile.corrections),
    h("h2", {}, `Ties (${profile.ties.length})`),
    profile.ties.length ? h("ul", { class: "ties" }, profile.ties.map((t) => tieItem(t, marks, rejectTie))) : h("p", { class: "muted" }, "None read."),
    eventsSection(profile, "as_source", "Events it is the source of"),
    eventsSection(profile, "as_target", "Events it is the target of"),
  );
}
