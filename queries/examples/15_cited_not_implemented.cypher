// Cited but not carried out: the documents that cite a directive or are based on it (CITES, BASED_ON) but do not
// implement it (no IMPLEMENTS path to it, however long): relays that only mention it, with their issuer, the
// issuer's province and their date.
// param directive: str — the directive's uid or code
// columns: directive, document, code, link, issuer, province, issue_date
// order: directive, issue_date, document, link
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH (d:Document)-[r:CITES|BASED_ON]->(root) WHERE r.inferred IS NULL AND d <> root
  AND NOT EXISTS {
    MATCH p = (d)-[:IMPLEMENTS*]->(root) WHERE none(x IN relationships(p) WHERE coalesce(x.inferred, false))
  }
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
RETURN root.uid AS directive, d.uid AS document, d.code AS code, type(r) AS link, by.name AS issuer,
       by.province AS province, d.issue_date AS issue_date
