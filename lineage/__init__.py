"""The ``lineage`` command line: a thin layer over ``ingest`` (and, later, ``graph`` and ``queries``)."""
