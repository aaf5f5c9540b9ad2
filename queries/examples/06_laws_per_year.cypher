// The laws most cited per year: for each year of issue of the citing documents, each law (Document:Law) cited
// by them (any link between documents) and by how many.
// columns: year, law, title, citing:int
// order: year, -citing, law
MATCH (src:Document)-[r]->(law:Law)
WHERE type(r) IN ['IMPLEMENTS', 'BASED_ON', 'CITES', 'AMENDS', 'REPLACES', 'REPEALS'] AND r.inferred IS NULL
  AND src.issue_date IS NOT NULL
RETURN substring(src.issue_date, 0, 4) AS year, law.uid AS law, law.title AS title, count(DISTINCT src) AS citing
