"""Load ``extract/data/agents.yaml``: generic agents ("militants", "government forces") and their sectors.

A collective that the text binds to no named actor becomes a generic actor typed by country
and sector, the way CAMEO/PLOVER code agents ("Iraqi militias" -> IRQ + UAF). The file is
converted from PETRARCH2's Phoenix agents by ``scripts/convert_phoenix_agents.py``.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import BaseModel, ConfigDict, model_validator

from proxywatch.ontology import load_yaml_model

PATH = Path(str(resources.files("proxywatch.extract").joinpath("data", "agents.yaml")))


class Sector(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    type: str


class Agents(BaseModel):
    """Sector table and the agent phrases (lower case, one space between words) of each sector.

    ``individuals``: nouns that name one person or one unit ("gunman", "soldier", "patrol"),
    not a weapon or a vehicle, so that "a gunman" alone may stand for its sector's actor.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    version: int
    sectors: dict[str, Sector]
    agents: dict[str, str]
    individuals: frozenset[str] = frozenset()

    @model_validator(mode="after")
    def _known_sectors(self) -> Agents:
        unknown = sorted({code for code in self.agents.values() if code not in self.sectors})
        if unknown:
            raise ValueError(f"agents name sectors missing from 'sectors': {', '.join(unknown)}")
        return self

    def sector_of(self, phrase: str) -> str | None:
        """The sector code of an agent phrase or its singular ("militants" -> UAF, "families" -> CVL).

        >>> load_agents().sector_of("government forces"), load_agents().sector_of("militants")
        ('MIL', 'UAF')
        """
        plural_y = phrase[:-3] + "y" if phrase.endswith("ies") else phrase  # "families"
        for form in (phrase, phrase.removesuffix("s"), phrase.removesuffix("es"), plural_y):
            code = self.agents.get(form)
            if code is not None:
                return code
        return None


@lru_cache(maxsize=1)
def load_agents(path: Path = PATH) -> Agents:
    return load_yaml_model(path, Agents)
