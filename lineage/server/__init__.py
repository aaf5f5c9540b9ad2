"""Files for a local Neo4j server: ``pom.xml`` (the jars) and ``Launcher.java`` (the entry point).

Not Python code: a package only so the files ship with ``lineage``; see :mod:`lineage.neo4j_server`.
"""
