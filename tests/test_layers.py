"""Imports point one way, down the data's path: the records, ids, names, settings, ontology and
dictionary at the bottom; the store; extraction (which knows nothing of storage) and ingest;
the analytics; exports and the report; the Python API; the server; the CLI on top. Read from
the source with ``ast`` (including imports inside functions)."""

from __future__ import annotations

import ast
from pathlib import Path

import proxywatch

PACKAGE = Path(proxywatch.__file__).parent
BASE = {"errors", "ids", "names", "records", "settings", "ontology", "dictionary", "demo", "__version__"}
ALLOWED: dict[str, set[str]] = {
    **{name: BASE for name in BASE},
    "store": BASE,
    "extract": BASE,
    "ingest": BASE | {"store"},
    "analyse": BASE | {"store"},
    "evaluation": BASE | {"extract", "ingest"},
    "export": BASE | {"store", "analyse"},
    "report": BASE | {"store", "analyse"},
    "distributed": BASE | {"extract", "ingest"},
}
TOP = {"api", "serve", "cli"}  # api below serve below cli; they may use everything beneath


def imports_between_parts() -> dict[str, set[str]]:
    """For each part of the package (sub-package or top-level module), the other parts it imports."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        part = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "proxywatch":
                names = (
                    [node.module]
                    if node.module != "proxywatch"
                    else [f"proxywatch.{a.name}" for a in node.names]
                )
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names if a.name.split(".")[0] == "proxywatch"]
            for name in names:
                other = name.split(".")[1] if "." in name else ""
                if other and other != part:
                    found.setdefault(part, set()).add(other)
    return found


def test_every_part_imports_only_the_layers_below_it() -> None:
    found = imports_between_parts()
    assert set(found) - set(ALLOWED) - TOP - {"__init__"} == set(), "a new part needs its layer here"
    wrong = {part: sorted(others - ALLOWED[part]) for part, others in found.items() if part in ALLOWED}
    assert {p: w for p, w in wrong.items() if w} == {}
    assert "serve" not in found.get("api", set()) and "cli" not in found.get("api", set())
    assert "cli" not in found.get("serve", set())
