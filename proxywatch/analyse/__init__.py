"""Analytics: pure functions over the events and ties the store holds.

``load`` reads typed records from the store (the only module here that does I/O);
``graphs`` builds networkx graphs from them; ``control`` measures a patron's control over
its proxies. Cohesion, reference leaders, what-if removal and the report are to come.
"""
