"""The packaged actor dictionary loads, is large enough, and indexes aliases for lookup."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxywatch.dictionary import load_dictionary
from proxywatch.dictionary.loader import DATA_DIR
from proxywatch.errors import ConfigError


def test_packaged_dictionary() -> None:
    d = load_dictionary()
    assert len(d.actors) >= 150
    types = {a.type for a in d.actors.values()}
    assert {"state", "state_agency", "armed_group", "person", "facility"} <= types
    assert d.lookup("Qaani") == ["esmail_ghaani"] and d.lookup("Ghaani") == ["esmail_ghaani"]
    assert d.lookup("Hashd al-Shaabi") == ["pmf"]
    assert d.lookup("KH") == ["kataib_hezbollah"] and d.lookup("kh") == []
    assert d.is_umbrella("pmf") and not d.is_umbrella("qassem_soleimani")


def test_user_folder_extends_dictionary(tmp_path: Path) -> None:
    (tmp_path / "mine.yaml").write_text(
        "actors:\n  - {id: zorbak_brigade, name: Zorbak Brigade, type: armed_group, aliases: [ZB],"
        " ties: [{tie: member_of, target: pmf}]}\n",
        encoding="utf-8",
    )
    d = load_dictionary([DATA_DIR, tmp_path])
    assert d.lookup("ZB") == ["zorbak_brigade"]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        ("actors:\n  - {id: Bad Id, name: X, type: person}\n", "snake_case"),
        ("actors:\n  - {id: x1, name: X, type: wizard}\n", "unknown type"),
        ("actors:\n  - {id: x1, name: X, type: person, ties: [{tie: leads, target: nowhere}]}\n", "nowhere"),
        ("actors:\n  - {id: iran, name: X, type: state}\n", "already defined"),
    ],
)
def test_bad_user_file_names_file_and_key(tmp_path: Path, yaml_text: str, message: str) -> None:
    (tmp_path / "bad.yaml").write_text(yaml_text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_dictionary([DATA_DIR, tmp_path])
