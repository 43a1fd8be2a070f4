// The REST API as the page uses it: JSON in and out, the operator's token (kept in this tab's
// sessionStorage only) sent as a bearer token on writes, and the API's one error shape.

const TOKEN_KEY = "proxywatch.token";

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function url(path, params) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v);
  }
  const qs = query.toString();
  return qs ? `${path}?${qs}` : path;
}

async function answer(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON */
  }
  if (!response.ok) {
    const err = body && body.error;
    throw new ApiError(
      response.status,
      err ? err.code : "error",
      err ? err.message : `the server answered ${response.status}`,
    );
  }
  return body;
}

export async function get(path, params) {
  return answer(await fetch(url(path, params), { headers: { Accept: "application/json" } }));
}

export async function post(path, body) {
  const headers = { Accept: "application/json", "Content-Type": "application/json" };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const init = { method: "POST", headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  return answer(await fetch(path, init));
}

/** Every page of a paged collection, up to `most` items. */
export async function getAll(path, params, most = 3000) {
  const items = [];
  let total = 0;
  do {
    const page = await get(path, { ...params, limit: 1000, offset: items.length });
    items.push(...page.items);
    total = page.total;
    if (!page.items.length) break;
  } while (items.length < Math.min(total, most));
  return { items, total };
}

let ontology = null;

/** Event, tie and actor types (weights, quads), built from the package's YAML by `make web`. */
export async function getOntology() {
  if (!ontology) ontology = await answer(await fetch("/static/ontology.json"));
  return ontology;
}
