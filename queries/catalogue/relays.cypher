// Who relayed a directive: every document implementing it (up to 5 steps) with its issuer, the issuer's
// province and kind, and both dates (what `coverage` compares against the agency registry).
// param directive: str — the directive's uid or code
// columns: directive, directive_date, document, issue_date, depth:int, issuer, province, kind
// order: depth, document
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))  // extracted links only
WITH root, d, min(length(p)) AS depth
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
RETURN root.uid AS directive, root.issue_date AS directive_date, d.uid AS document, d.issue_date AS issue_date,
       depth, by.name AS issuer, by.province AS province, by.kind AS kind
