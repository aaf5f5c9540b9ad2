// Citations of replaced documents: a document citing (any link) one that another document replaces or repeals,
// issued on or after the replacing document's date.
// columns: document, issue_date, cited, replaced_by, replaced_on
// order: document, cited
MATCH (new:Document)-[:REPLACES|REPEALS]->(old:Document)<-[r]-(src:Document)
WHERE type(r) IN ['IMPLEMENTS', 'BASED_ON', 'CITES', 'AMENDS'] AND src <> new AND r.inferred IS NULL
  AND src.issue_date IS NOT NULL AND new.issue_date IS NOT NULL AND src.issue_date >= new.issue_date
RETURN DISTINCT src.uid AS document, src.issue_date AS issue_date, old.uid AS cited, new.uid AS replaced_by,
       new.issue_date AS replaced_on
