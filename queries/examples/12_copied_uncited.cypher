// Copied without saying so: documents that reuse passages of an earlier one (REUSES, half or more of their
// words copied or changed from it) without any link to it read from their text.
// columns: document, source, copied_share:float, changed_share:float
// order: -copied_share, document, source
MATCH (d:Document)-[r:REUSES]->(o:Document)
WHERE r.copied_share + r.changed_share >= 0.5
  AND NOT EXISTS { MATCH (d)-[x:IMPLEMENTS|BASED_ON|CITES|AMENDS|REPLACES|REPEALS]->(o) WHERE x.inferred IS NULL }
RETURN d.uid AS document, o.uid AS source, r.copied_share AS copied_share, r.changed_share AS changed_share
