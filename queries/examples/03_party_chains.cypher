// Chains from a Party resolution down: for each Party resolution (a code ending in "/TW") every document that
// carries it out through IMPLEMENTS links (up to 5 steps), with its least depth and its issuer's level.
// columns: resolution, document, depth:int, issuer, level
// order: resolution, depth, document
MATCH (root:Document) WHERE root.code ENDS WITH '/TW'
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))
WITH root, d, min(length(p)) AS depth
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
RETURN root.code AS resolution, d.uid AS document, depth, by.name AS issuer, coalesce(by.level, by.kind) AS level
