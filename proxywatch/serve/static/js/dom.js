// Building the page without HTML strings: every text from a document or the API goes in as a
// text node, and attributes are set one by one, so markup in the data stays text.

const SVG_NS = "http://www.w3.org/2000/svg";

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

function apply(el, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.setAttribute("class", value);
    else if (key === "text") el.textContent = String(value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "href") el.setAttribute("href", safeHref(value));
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  return el;
}

/** An HTML element: h("a", {href: "#/x", class: "y"}, "text", child, [more]). */
export function h(tag, attrs, ...children) {
  return append(apply(document.createElement(tag), attrs), children);
}

/** An SVG element, as h() builds HTML ones. */
export function s(tag, attrs, ...children) {
  return append(apply(document.createElementNS(SVG_NS, tag), attrs), children);
}

/** Only our own hash routes, the API's paths and http(s) URLs become links. */
export function safeHref(value) {
  const href = String(value);
  if (href.startsWith("#") || href.startsWith("/")) return href;
  try {
    const url = new URL(href);
    if (url.protocol === "http:" || url.protocol === "https:") return url.href;
  } catch {
    /* not a URL: no link */
  }
  return "#";
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Replace an element's children (null, undefined and false are left out, unlike Element.append). */
export function fill(el, ...children) {
  return append(clear(el), children);
}

/** A hash route with its query: route("actor", id) or route("network", null, {from, to}). */
export function route(name, id, params) {
  let href = `#/${name}`;
  if (id !== null && id !== undefined) href += `/${encodeURIComponent(id)}`;
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== "") query.set(k, v);
  const qs = query.toString();
  return qs ? `${href}?${qs}` : href;
}

export function actorLink(id, name) {
  if (!id) return h("span", { class: "muted" }, "—");
  return h("a", { class: "actor-link", href: route("actor", id) }, name || id);
}

const WORD = "[\\p{L}\\p{N}]";

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function termPattern(terms, flags) {
  const sorted = [...new Set(terms)].filter((t) => t && t.trim().length > 1).sort((a, b) => b.length - a.length);
  if (!sorted.length) return null;
  return new RegExp(`(?<!${WORD})(?:${sorted.map(escapeRegExp).join("|")})(?!${WORD})`, flags);
}

/**
 * A sentence as text nodes with the words naming an actor in <mark> elements. groups: [[class,
 * [terms]], ...], earlier groups first on a tie; all-capital terms (acronyms) match only in capitals.
 */
export function highlight(sentence, groups) {
  const found = [];
  groups.forEach(([cls, terms], rank) => {
    const caps = terms.filter((t) => t === t.toUpperCase() && /\p{Lu}/u.test(t));
    const other = terms.filter((t) => !caps.includes(t));
    for (const [list, flags] of [[caps, "gu"], [other, "giu"]]) {
      const re = termPattern(list, flags);
      if (!re) continue;
      for (const m of sentence.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length, cls, rank });
    }
  });
  found.sort((a, b) => a.start - b.start || a.rank - b.rank || b.end - a.end);
  const frag = document.createDocumentFragment();
  let at = 0;
  for (const m of found) {
    if (m.start < at) continue; // overlaps a mark already made
    if (m.start > at) frag.appendChild(document.createTextNode(sentence.slice(at, m.start)));
    frag.appendChild(h("mark", { class: m.cls }, sentence.slice(m.start, m.end)));
    at = m.end;
  }
  if (at < sentence.length) frag.appendChild(document.createTextNode(sentence.slice(at)));
  return frag;
}

export function when(value) {
  return value ? String(value).slice(0, 10) : "undated";
}
