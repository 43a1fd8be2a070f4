"""The armed groups converted from PETRARCH2's Phoenix.MilNonState file: group names only, none
that our own files list, found only when written with capitals, and cheap to load."""

from __future__ import annotations

import importlib.util
import sys
import time
from pathlib import Path

import pytest
import yaml

from proxywatch.dictionary import load_dictionary
from proxywatch.dictionary.loader import DATA_DIR, _load
from proxywatch.names import normalise_name

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "resources" / "petrarch2" / "Phoenix.MilNonState.actors.txt"
CONVERTED = DATA_DIR / "milnonstate.yaml"


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "convert", ROOT / "scripts" / "convert_phoenix_milnonstate.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert"] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_converted_groups_are_armed_groups_with_attribution() -> None:
    text = CONVERTED.read_text(encoding="utf-8")
    assert "MIT" in text.split("actors:")[0] and "Open Event Data Alliance" in text
    actors = yaml.safe_load(text)["actors"]
    assert len(actors) >= 300
    assert all(a["type"] == "armed_group" and a["match_case"] and a["id"].startswith("phx_") for a in actors)


def test_ours_win_over_converted_names() -> None:
    d = load_dictionary()
    for key, ids in d.by_alias.items():
        if any(i.startswith("phx_") for i in ids):
            assert all(i.startswith("phx_") for i in ids), (key, ids)
    for ids in d.by_acronym.values():
        assert len({i.startswith("phx_") for i in ids}) == 1


# (Phoenix line, kept name or None): people, places and descriptions are left out
NAMES = [
    ("AL-SHABAAB\t[SOMREB]", "al-Shabaab"),
    ("TAMIL_TIGERS_ [LKAREB]", "Tamil Tigers"),
    ("HAFIZ_SAEED__ [IMGSASMUS]", None),
    ("REVOLUTIONARY_ARMY_ [ARGREB]", None),
    ("FALLUJAH_MUJAHIDEEN_ [IRQREB]", None),
]


@pytest.mark.parametrize(("line", "kept"), NAMES)
def test_only_group_names_are_kept(tmp_path: Path, line: str, kept: str | None) -> None:
    source = tmp_path / "phoenix.txt"
    source.write_text(line + "\n", encoding="utf-8")
    script = _script()
    names = [g.name for g in script.parse(source) if script.is_group_name(g.name)]
    assert names == ([kept] if kept else [])


@pytest.mark.skipif(
    not SOURCE.exists(), reason="the PETRARCH2 source file is not checked out beside the repo"
)
def test_the_data_file_is_the_script_output() -> None:
    assert _script().convert(SOURCE) == CONVERTED.read_text(encoding="utf-8")


def test_loading_the_dictionary_stays_fast() -> None:
    _load.cache_clear()
    start = time.perf_counter()
    d = load_dictionary()
    assert time.perf_counter() - start < 5.0
    assert normalise_name("Lashkar-e-Taiba") in d.by_alias
