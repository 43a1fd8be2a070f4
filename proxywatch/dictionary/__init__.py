"""The actor dictionary: canonical actors, their aliases, roles and standing ties, as data files.

``load_dictionary()`` reads the packaged YAML files under ``dictionary/data`` and any
user folders (``PROXYWATCH_DICTIONARY``, ``os.pathsep``-separated), validates them and
returns an :class:`ActorDictionary` with an alias index for the resolver.
"""

from proxywatch.dictionary.loader import ActorDictionary, load_dictionary
from proxywatch.dictionary.schema import ActorEntry, TieEntry

__all__ = ["ActorDictionary", "ActorEntry", "TieEntry", "load_dictionary"]
