// The documents most often carried out (IMPLEMENTS) by documents issued in a span of years.
// param year_from: str = 0000 — first year of the implementing documents
// param year_to: str = 9999 — last year of the implementing documents
// param limit: int = 10 — how many documents
// columns: document, code, doc_type, title, implementing:int
// order: -implementing, document
MATCH (src:Document)-[r:IMPLEMENTS]->(d:Document)
WHERE r.inferred IS NULL  // extracted links only
  AND substring(coalesce(src.issue_date, ''), 0, 4) >= $year_from
  AND substring(coalesce(src.issue_date, ''), 0, 4) <= $year_to
RETURN d.uid AS document, d.code AS code, d.doc_type AS doc_type, d.title AS title, count(DISTINCT src) AS implementing
