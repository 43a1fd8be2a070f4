"""The ontology as data: PLOVER event types, tie types, actor types and the predicate lexicon.

``load_ontology()`` reads the YAML files under ``ontology/data`` once, validates them
against the schemas in ``ontology.schema`` and returns an :class:`Ontology`.
"""

from proxywatch.ontology.loader import Ontology, load_ontology, load_yaml_model

__all__ = ["Ontology", "load_ontology", "load_yaml_model"]
