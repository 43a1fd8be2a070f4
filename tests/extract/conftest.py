"""The full pipeline, loaded once for the extraction tests (they are marked ``model``)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from proxywatch.extract import build_pipeline


@pytest.fixture(scope="session")
def nlp() -> Language:
    return build_pipeline()
