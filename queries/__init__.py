"""Named, parameterised Cypher and SPARQL queries and their Python API (not built yet)."""
