"""The bundled demo corpus (real, public-domain U.S. Government and VOA reporting) that
``proxywatch demo`` runs on."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def corpus_dir() -> Path:
    """Folder of the demo articles shipped inside the package."""
    return Path(str(resources.files("proxywatch.demo").joinpath("corpus")))
