"""The analytics context is computed once per data version; `proxywatch serve` listens on
127.0.0.1 by default; read commands never create a database."""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from proxywatch import cli
from proxywatch.serve import create_app, server_config
from proxywatch.store.db import Store
from tests.serve.conftest import TOKEN, make_client

runner = CliRunner()


def test_the_analytics_context_is_loaded_once_per_data_version(plain_store: Store) -> None:
    with make_client(plain_store) as client:
        cache = client.app.state.proxywatch.cache  # type: ignore[attr-defined]
        for url in ("/api/control", "/api/cohesion", "/api/follows", "/api/events?bloc=Quds%20Force"):
            assert client.get(url).status_code == 200
        assert cache.loads["context"] == 1
        before = cache.version()
        upload = client.post(
            "/api/ingest",
            files=[("files", ("more.txt", b"Hezbollah fired rockets at Israel on Monday.", "text/plain"))],
            data={"extract": "false"},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert upload.json()["added"] == 1
        assert cache.version() != before
        client.get("/api/control")
        client.get("/api/control")
        assert cache.loads["context"] == 2


def test_the_alias_index_is_cached_too(plain_store: Store) -> None:
    with make_client(plain_store) as client:
        cache = client.app.state.proxywatch.cache  # type: ignore[attr-defined]
        client.get("/api/actors?q=Qaani")
        client.get("/api/actors?q=Nasrallah")
        assert cache.loads["aliases"] == 1


def test_serve_listens_on_localhost_by_default(plain_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    params = inspect.signature(cli.serve).parameters
    assert params["host"].default == "127.0.0.1" and params["port"].default == 8000
    assert server_config(create_app(store=plain_store)).host == "127.0.0.1"
    seen: list[Any] = []
    monkeypatch.setattr(cli, "_run_server", seen.append)
    monkeypatch.delenv("PROXYWATCH_TOKEN", raising=False)
    result = runner.invoke(cli.app, ["serve", "--db", plain_store.url])
    assert result.exit_code == 0, result.output
    [config] = seen
    assert (config.host, config.port) == ("127.0.0.1", 8000)
    assert config.app.state.proxywatch.token is None  # no token: writing disabled
    assert "writing disabled" in result.output
    monkeypatch.setenv("PROXYWATCH_TOKEN", "from-the-environment")
    result = runner.invoke(cli.app, ["serve", "--db", plain_store.url, "--host", "0.0.0.0", "--port", "9001"])
    assert result.exit_code == 0, result.output
    assert (seen[1].host, seen[1].port) == ("0.0.0.0", 9001)
    assert seen[1].app.state.proxywatch.token == "from-the-environment"


@pytest.mark.parametrize(
    "args",
    [
        ["stats"],
        ["control"],
        ["cohesion"],
        ["follows"],
        ["whatif", "--remove", "Qaani"],
        ["report", "--out", "REPORT"],
        ["export", "--format", "jsonl"],
        ["serve"],
    ],
)
def test_read_commands_refuse_a_missing_database(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "typo.db"
    args = [str(tmp_path / "r.html") if a == "REPORT" else a for a in args]
    result = runner.invoke(cli.app, [*args, "--db", str(missing)])
    assert result.exit_code == 1, result.output
    assert f"no database at {missing}" in result.output.replace("\n", "")
    assert not missing.exists() and "Traceback" not in result.output
