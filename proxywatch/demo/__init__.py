"""The bundled demo corpus (written for the project) and the job ``proxywatch demo`` runs on it."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def corpus_dir() -> Path:
    """Folder of the demo articles shipped inside the package."""
    return Path(str(resources.files("proxywatch.demo").joinpath("corpus")))
