"""``python -m proxywatch.cli``: the ``proxywatch`` command."""

from proxywatch.cli import main

main()
