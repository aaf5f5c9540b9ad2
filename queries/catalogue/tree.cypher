// The implementing links inside a directive's propagation (≤ 5 steps): each (document → what it implements),
// with both ends labelled, for drawing the tree.
// param directive: str — the directive's uid or code
// columns: source, source_code, source_type, source_issuer, source_date, target, target_code, target_type, target_issuer
// order: target, source
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))  // extracted links only
UNWIND relationships(p) AS r
WITH DISTINCT startNode(r) AS a, endNode(r) AS b
RETURN a.uid AS source, a.code AS source_code, a.doc_type AS source_type, a.issuer AS source_issuer,
       a.issue_date AS source_date, b.uid AS target, b.code AS target_code, b.doc_type AS target_type,
       b.issuer AS target_issuer
