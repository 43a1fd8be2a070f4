"""The analytics read the story the texts tell: from extraction, not from gold."""

from __future__ import annotations

from pathlib import Path

import pytest

from proxywatch import api

pytestmark = pytest.mark.model
SEED = Path(__file__).resolve().parents[2].parent / "shared" / "seed" / "article.txt"
WRITTEN = Path(__file__).resolve().parents[1] / "fixtures" / "written_corpus"


@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seed/article.txt")
def test_seed_alone_shows_quds_force_control_falling(tmp_path: Path) -> None:
    db = str(tmp_path / "seed.db")
    report = api.ingest([SEED], db=db)
    assert report.added == 1
    result = api.control("Quds Force", db=db)
    assert result["trend"] == "falling"
    outcomes = [o for w in result["windows"] for o in w["outcomes"]]
    assert any(o["source"] == "esmail_ghaani" and o["verdict"] == "defied" for o in outcomes)
    assert not any(r["kind"] == "compliance" for o in outcomes for r in o["responses"])
    shift = api.follows("Quds Force", db=db)["shift"]
    assert shift is not None and "hassan_nasrallah" in shift["to"] and "esmail_ghaani" in shift["from"]
    whatif = api.whatif(["Qassem Soleimani"], "Quds Force", db=db)
    assert whatif["power_vacuum"] and whatif["successors"] == ["esmail_ghaani"]


def test_written_stories_control_falls_after_2020_and_partly_recovers_in_2024(tmp_path: Path) -> None:
    db = str(tmp_path / "written.db")
    api.ingest([WRITTEN], db=db)
    windows = api.control("Quds Force", db=db)["windows"]
    scored = {w["window"]: w["index"] for w in windows if w["index"] is not None}
    early = [v for k, v in scored.items() if "2020-02" <= k <= "2022-12"]
    late = [v for k, v in scored.items() if k >= "2024-01"]
    assert early and late
    assert max(early) < 0 < 1 + min(late)  # defied after Soleimani's death ...
    assert sum(late) / len(late) > sum(early) / len(early)  # ... partly heeded in early 2024
    rifts = api.cohesion("Quds Force", db=db)["rifts"]
    # a rift between the fall and the recovery: it starts in 2020 and ends before 2024
    assert any(r["start"] <= "2020-12" and "2020-03" <= r["end"] < "2024-01" and r["events"] for r in rifts)
