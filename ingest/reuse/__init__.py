"""Text reuse: which passages a document copies from an earlier one, which it changes, which are its own
(:mod:`.align`), the candidate pairs found with MinHash LSH in an index kept beside the store (:mod:`.index`),
and the graph's REUSES, inferred IMPLEMENTS and DERIVED_FROM edges made of them (:mod:`.link`)."""
