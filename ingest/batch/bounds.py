"""What a bulk run may be given and what it reports of each file: the executors, the per-file bounds of the local
pool (`lineage ingest --timeout/--memory-mb`; 0 or None: none) and the outcome of a file. Kept apart from
``executors.py`` so that the command line shows them without loading the extractor."""

EXECUTORS = ("local", "dask")
TIMEOUT = 300.0  # seconds to read and extract one file (OCR of a long scan takes minutes; a letter < 1 s)
MEMORY_MB = 4096  # address space of each extraction process, MB (a 50 MB PDF needs well under 1 GB)
OK, FAILED, TIMED_OUT, OUT_OF_MEMORY, CRASHED = "ok", "failed", "timed out", "out of memory", "crashed"
