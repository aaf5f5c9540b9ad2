"""Many files at once: files → records (``executors.py``: a local process pool or a Dask cluster, each
file through ``ingest/extract.py``), cached by content and extractor fingerprint, → graph → store
(``pipeline.py``), and records as Parquet folders and back (``records_parquet.py``).
"""
