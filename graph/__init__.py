"""The lineage graph: domain vocabulary (document types, agencies), the model and its stores.

``graph`` is the bottom layer: it imports none of ``ingest``, ``queries``, ``ui`` or ``lineage``.
"""
