"""proxywatch: evidence-backed maps of who funds, commands, obeys and defies whom, from news.

The package follows the data's path: ``ingest`` reads documents, ``extract`` finds
actors, events and ties, ``store`` keeps them, ``analyse`` reads the graph and
``serve``/``export`` show it. ``proxywatch.api`` is the stable Python entry point.
"""

__version__ = "0.1.0"
