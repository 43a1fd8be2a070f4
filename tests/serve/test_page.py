"""The page's files: served by the app under a strict Content-Security-Policy, and what `make web`
adds to proxywatch/serve/static/ (the vendored Cytoscape.js, the ontology) is committed."""

from __future__ import annotations

import json
import re
from pathlib import Path

from proxywatch.ontology import load_ontology
from proxywatch.serve.app import STATIC
from proxywatch.store.db import Store
from tests.serve.conftest import make_client

WEB = Path(__file__).resolve().parents[2] / "web"


def test_page_and_its_files_are_served_under_a_strict_policy(plain_store: Store) -> None:
    with make_client(plain_store) as client:
        page = client.get("/")
        script = client.get("/static/js/main.js")
        vendored = client.get("/static/vendor/cytoscape.esm.min.js")
        missing = client.get("/static/js/nothing.js")
        api = client.get("/api/documents")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    # the page's only script is our module; no inline script or style, nothing from elsewhere
    assert re.findall(r"<script[^>]*>", page.text) == ['<script type="module" src="/static/js/main.js">']
    assert "style=" not in page.text and "<style" not in page.text
    assert not re.search(r"(src|href)=\"https?:", page.text)
    assert script.headers["content-type"].startswith("text/javascript")
    assert script.headers["x-content-type-options"] == "nosniff"
    assert vendored.status_code == 200 and "export{" in vendored.text
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"
    assert api.json()["total"] == 5 and "content-security-policy" not in api.headers  # /docs keeps working


def test_vendored_files_are_committed() -> None:
    """`make web` was run and its output committed (a fresh clone needs no npm)."""
    vendored = {p.relative_to(STATIC / "vendor") for p in (STATIC / "vendor").rglob("*") if p.is_file()}
    assert vendored == {Path("cytoscape.esm.min.js"), Path("cytoscape.LICENSE.txt")}
    assert (STATIC / "ontology.json").is_file()
    lock = json.loads((WEB / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/cytoscape"]["version"].startswith("3.")


def test_page_ontology_is_the_package_ontology() -> None:
    """The colours of the page follow the ontology's YAML (rebuilt by `make web`)."""
    page = json.loads((STATIC / "ontology.json").read_text(encoding="utf-8"))
    ontology = load_ontology()
    assert {k: (v["quad"], v["weight"]) for k, v in page["event_types"].items()} == {
        k: (v.quad, v.weight) for k, v in ontology.event_types.items()
    }
    assert list(page["tie_types"]) == list(ontology.tie_types)
    assert list(page["actor_types"]) == list(ontology.actor_types)
