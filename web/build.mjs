// Complete the analyst's page in proxywatch/serve/static/ (our own JS, CSS and HTML live there):
// Cytoscape.js from node_modules (with its licence) into vendor/, and ontology.json, the part of
// the ontology the page colours by, read from the package's YAML. The results are committed, so
// a clone needs no npm. Run with `make web` (npm ci, then this script).
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const out = join(root, "proxywatch", "serve", "static");
const ontologyDir = join(root, "proxywatch", "ontology", "data");

rmSync(join(out, "vendor"), { recursive: true, force: true });
mkdirSync(join(out, "vendor"), { recursive: true });

const cytoscape = join(here, "node_modules", "cytoscape");
// The ES module build, renamed .js so that every server types it as JavaScript.
copyFileSync(join(cytoscape, "dist", "cytoscape.esm.min.mjs"), join(out, "vendor", "cytoscape.esm.min.js"));
copyFileSync(join(cytoscape, "LICENSE"), join(out, "vendor", "cytoscape.LICENSE.txt"));

const load = (name) => yaml.load(readFileSync(join(ontologyDir, name), "utf8"));
const events = load("event_types.yaml").event_types;
const ties = load("tie_types.yaml").tie_types;
const actors = load("actor_types.yaml").actor_types;
const ontology = {
  event_types: Object.fromEntries(
    Object.entries(events).map(([k, v]) => [k, { quad: v.quad, weight: v.weight, description: v.description }]),
  ),
  tie_types: Object.fromEntries(
    Object.entries(ties).map(([k, v]) => [k, { directed: v.directed, description: v.description }]),
  ),
  actor_types: Object.fromEntries(Object.entries(actors).map(([k, v]) => [k, { description: v.description }])),
};
writeFileSync(join(out, "ontology.json"), JSON.stringify(ontology, null, 1) + "\n");
console.log(`built ${out}`);
