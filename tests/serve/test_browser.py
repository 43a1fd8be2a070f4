"""The analyst's page in real headless Chromium (Debian's ``chromium`` driven by Playwright)
against the real server over a database built by ``proxywatch ingest``: the demo corpus, the
written stories (which name Esmail Ghaani) and a hostile document whose text carries markup.

In CI (``CI=true``) the browser must be there; elsewhere the module skips when it is not.
Screenshots go to pytest's temporary folder, and the README's two also to
``$PROXYWATCH_SCREENSHOTS`` when set (``PROXYWATCH_SCREENSHOTS=docs/screenshots`` refreshes them).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
TOKEN = "browser-test-token"
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
HOSTILE_TEXT = f"""Kata'ib Hezbollah statement {IMG}

BAGHDAD, March 3, 2024 — Kata'ib Hezbollah fired rockets at U.S. forces in Syria, a statement \
headed {SCRIPT} said on Sunday.

Esmail Ghaani urged the factions {IMG} to halt attacks on U.S. forces.
"""

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the dev extras install it
    if IN_CI:
        raise
    pytest.skip("playwright is not installed (pip install -e '.[dev]')", allow_module_level=True)

if not CHROMIUM.exists():
    if IN_CI:
        pytest.fail(f"{CHROMIUM} is missing in CI; .ci/run installs Debian's chromium", pytrace=False)
    pytest.skip(f"{CHROMIUM} is missing: apt-get install -y chromium", allow_module_level=True)

pytestmark = pytest.mark.model  # ingest loads the spaCy model


def _proxywatch() -> list[str]:
    script = Path(sys.executable).with_name("proxywatch")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from proxywatch.cli import main; main()"]


def _ingest(db: Path, paths: list[Path]) -> dict[str, Any]:
    done = subprocess.run(
        [*_proxywatch(), "ingest", *map(str, paths), "--db", str(db), "--json"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return dict(json.loads(done.stdout))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_up(url: str, proc: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server stopped: {proc.communicate()[0]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise AssertionError(f"the server did not answer at {url} within {seconds} s")


@dataclass
class Site:
    base: str
    db: Path
    inputs: list[Path]
    shots: list[Path] = field(default_factory=list)
    routes: set[str] = field(default_factory=set)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The real server (``proxywatch serve`` with a token) over the ingested corpus."""
    folder = tmp_path_factory.mktemp("browser")
    hostile = folder / "hostile" / "hostile-statement.txt"
    hostile.parent.mkdir()
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    inputs = [
        ROOT / "proxywatch" / "demo" / "corpus" / "articles.jsonl",
        ROOT / "tests" / "fixtures" / "written_corpus",
        hostile.parent,
    ]
    db = folder / "browser.db"
    report = _ingest(db, inputs)
    assert report["added"] > 60 and report["failed"] == 0, report
    port = _free_port()
    env = {**os.environ, "PROXYWATCH_TOKEN": TOKEN}
    proc = subprocess.Popen(
        [*_proxywatch(), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_up(f"{base}/api/documents?limit=1", proc)
        with urllib.request.urlopen(f"{base}/openapi.json", timeout=10) as answer:
            routes = set(json.load(answer)["paths"])
        yield Site(base, db, inputs, routes=routes)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM))
        yield b
        b.close()


@dataclass
class Tab:
    page: Page
    dialogs: list[str]
    errors: list[str]


@pytest.fixture
def tab(browser: Browser, site: Site) -> Iterator[Tab]:
    """A fresh tab that records every dialog (an alert would mean injected script ran), script
    error and refused resource (CSP violations show as console errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield Tab(page, dialogs, errors)
    context.close()


READY = """() => { const v = document.querySelector('.view');
  return v !== null && v.dataset.ready === 'true' && v.dataset.hash === location.hash; }"""


def wait_ready(page: Page) -> None:
    page.wait_for_function(READY, timeout=60_000)


def open_page(page: Page, site: Site, route: str) -> None:
    page.goto(f"{site.base}/{route}")
    wait_ready(page)


def go(page: Page, route: str) -> None:
    page.evaluate("(h) => { location.hash = h; }", route)
    wait_ready(page)


def shoot(page: Page, name: str, tmp_path: Path, publish: bool = False) -> None:
    """A screenshot in pytest's folder; the README's ones (``publish``) also in $PROXYWATCH_SCREENSHOTS."""
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000  # a picture, not a blank page
    target = os.environ.get("PROXYWATCH_SCREENSHOTS")
    if target and publish:
        out = Path(target) if Path(target).is_absolute() else ROOT / target
        out.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, out / path.name)


def test_search_qaani_opens_ghaani_with_his_evidence(tab: Tab, site: Site, tmp_path: Path) -> None:
    page = tab.page
    open_page(page, site, "")
    page.fill("#search-input", "Qaani")
    page.press("#search-input", "Enter")
    page.wait_for_function("() => location.hash.startsWith('#/search')")
    wait_ready(page)
    first = page.locator(".results a.actor-link").first
    assert first.inner_text() == "Esmail Ghaani"
    assert "Qaani" in page.locator(".results .match").first.inner_text()
    first.click()
    page.wait_for_function("() => location.hash === '#/actor/esmail_ghaani'")
    wait_ready(page)
    assert page.inner_text("h1.actor-name") == "Esmail Ghaani"
    aliases = page.locator(".aliases li").all_inner_texts()
    assert "Qaani" in aliases and "Ismail Qaani" in aliases
    sentences = page.locator(".events-section.as_source .evidence .sentence").all_inner_texts()
    assert any("Esmail Qaani, the commander of Iran's Quds Force, visited Baghdad" in s for s in sentences)
    marked = page.locator(".events-section .evidence mark.self").all_inner_texts()
    assert {"Esmail Qaani", "Esmail Ghaani"} <= set(marked)  # the actor's names marked in its sentences
    ties = page.locator(".ties .tie-head").all_inner_texts()
    assert any("commands" in t and "Quds Force" in t for t in ties)
    shoot(page, "actor", tmp_path)
    assert tab.dialogs == [] and tab.errors == []


def test_network_and_control_chart(tab: Tab, site: Site, tmp_path: Path) -> None:
    page = tab.page
    open_page(page, site, "#/network?from=2023-10-01&to=2024-06-30")
    canvas = page.locator("#cy")
    assert int(canvas.get_attribute("data-nodes") or 0) > 20
    assert int(canvas.get_attribute("data-edges") or 0) > 20
    assert page.locator("#cy canvas").count() >= 1  # Cytoscape drew
    legend = page.inner_text(".legend")
    assert "armed group" in legend and "hostile" in legend and "cooperative" in legend
    shoot(page, "network", tmp_path, publish=True)

    go(page, "#/charts?patron=Quds%20Force")
    chart = page.locator("svg#control-chart")
    assert chart.count() == 1
    assert chart.locator("circle.dot").count() >= 3  # months with an index
    assert "control index" in chart.locator(".axis-title").all_text_contents()
    # month labels along the axis never overlap
    spans = sorted(
        (b["x"], b["x"] + b["width"])
        for b in (t.bounding_box() for t in chart.locator(".x-axis text.tick").all())
        if b is not None
    )
    assert len(spans) >= 3
    assert all(left[1] < right[0] for left, right in zip(spans, spans[1:], strict=False))
    svg_box = chart.bounding_box()
    assert svg_box is not None  # and no label is clipped at either end
    assert svg_box["x"] <= spans[0][0] and spans[-1][1] <= svg_box["x"] + svg_box["width"]
    assert page.locator("svg#cohesion-chart rect.rift").count() >= 1
    assert "Esmail Ghaani" in page.inner_text("table.outcomes")
    shoot(page, "charts", tmp_path, publish=True)
    assert tab.dialogs == [] and tab.errors == []


def test_hostile_text_shows_as_text(tab: Tab, site: Site, tmp_path: Path) -> None:
    page = tab.page
    open_page(page, site, "#/documents")
    link = page.locator("a.doc-link", has_text="Kata'ib Hezbollah statement")
    assert link.count() == 1 and link.inner_text() == f"Kata'ib Hezbollah statement {IMG}"
    link.click()
    page.wait_for_function("() => location.hash.startsWith('#/document/')")
    wait_ready(page)
    text = page.inner_text("#doc-text")
    assert SCRIPT in text and IMG in text
    assert page.inner_text("h1.doc-title") == f"Kata'ib Hezbollah statement {IMG}"
    # mentions are marked, and the events read in the hostile sentences listed with them
    assert page.locator("#doc-text a.mention", has_text="Esmail Ghaani").count() == 1
    evidence = " ".join(page.locator("aside .evidence .sentence").all_inner_texts())
    assert SCRIPT in evidence or IMG in evidence  # API JSON rendered by the page, as text
    page.wait_for_timeout(500)  # an injected <img onerror> would have fired by now
    shoot(page, "hostile-document", tmp_path)

    # the timeline renders the same sentences from /api/events
    go(page, "#/timeline?from=2024-03-03&to=2024-03-03")
    evidence = " ".join(page.locator(".timeline-events .evidence .sentence").all_inner_texts())
    assert SCRIPT in evidence or IMG in evidence
    page.wait_for_timeout(500)
    assert page.locator("img").count() == 0
    scripts = page.evaluate("() => [...document.scripts].map(s => s.getAttribute('src'))")
    assert scripts == ["/static/js/main.js"]
    assert tab.dialogs == []
    assert tab.errors == []  # no script error and no CSP refusal either


def test_page_is_served_with_a_strict_policy(site: Site) -> None:
    with urllib.request.urlopen(f"{site.base}/", timeout=10) as answer:
        policy = answer.headers["Content-Security-Policy"]
        body = answer.read().decode("utf-8")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    # no inline script or style, nothing fetched from elsewhere
    assert "<script>" not in body and "style=" not in body
    assert "http://" not in body and "https://" not in body


def _actor_name(page: Page) -> str:
    return page.inner_text("h1.actor-name")


# An analyst's merge: the Islamic Resistance in Iraq is a front for Kata'ib Hezbollah. Both are
# actors of the bundled dictionary, so the pair does not depend on what extraction finds.
FRONT, GROUP = "Islamic Resistance in Iraq", "Kata'ib Hezbollah"


def test_merge_survives_reingest_and_undo(tab: Tab, site: Site, tmp_path: Path) -> None:
    if "/api/corrections" not in site.routes:
        pytest.skip("the corrections endpoints (POST /api/corrections, …/undo) are not in this build yet")
    page = tab.page
    exact = re.compile(rf"^\s*{re.escape(FRONT)}\s*$")
    open_page(page, site, f"#/search?q={FRONT}")
    page.locator(".results a.actor-link").filter(has_text=exact).first.click()
    wait_ready(page)
    wrong = page.evaluate("() => decodeURIComponent(location.hash.split('/')[2])")
    assert _actor_name(page) == FRONT

    page.fill("#token-input", TOKEN)
    page.fill("#merge-search", GROUP)
    pick = page.locator("button.pick", has_text=f"Merge into {GROUP}")
    pick.first.wait_for()
    into = pick.first.get_attribute("data-actor-id")
    pick.first.click()
    page.wait_for_function("(id) => location.hash === '#/actor/' + encodeURIComponent(id)", arg=into)
    wait_ready(page)
    assert f"merged into {GROUP}" in page.inner_text("#notice")
    assert _actor_name(page) == GROUP
    shoot(page, "merged", tmp_path)

    # the same files again: nothing new is stored, and the merge still holds
    again = _ingest(site.db, site.inputs)
    assert again["added"] == 0, again
    time.sleep(1.2)  # the server reads the data version at most once a second
    go(page, f"#/actor/{wrong}")
    assert _actor_name(page) == GROUP  # the merged actor's page is the one it joined
    go(page, f"#/search?q={FRONT}")
    assert FRONT not in [t.strip() for t in page.locator(".results a.actor-link").all_inner_texts()]

    go(page, "#/corrections")
    row = page.locator("tr.correction.active", has_text=wrong)
    assert row.count() == 1
    row.locator("button.undo").click()
    page.locator("#notice", has_text="Undone").wait_for()
    wait_ready(page)
    assert page.locator("tr.correction.undone", has_text=wrong).count() == 1
    go(page, f"#/actor/{wrong}")
    assert _actor_name(page) == FRONT
    assert tab.dialogs == [] and tab.errors == []
