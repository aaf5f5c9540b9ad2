// How much of each relay is the directive's text: every document that reuses the directive's passages, its
// issuer and date, the share of its text copied (near-verbatim), changed (rewritten in part) and its own, the
// passages' count, whether it names the directive in a reference (cites) and whether an IMPLEMENTS was inferred.
// param directive: str — the directive's uid or code
// columns: directive, document, issuer, issue_date, copied_share:float, changed_share:float, own_share:float, passages:int, cites:bool, inferred:bool
// order: -copied_share, document
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH (d:Document)-[r:REUSES]->(root)
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
RETURN root.uid AS directive, d.uid AS document, by.name AS issuer, d.issue_date AS issue_date,
       r.copied_share AS copied_share, r.changed_share AS changed_share, r.own_share AS own_share,
       r.passage_count AS passages,
       EXISTS { (d)-[x:IMPLEMENTS|BASED_ON|CITES|AMENDS|REPLACES|REPEALS]->(root) WHERE x.inferred IS NULL } AS cites,
       EXISTS { (d)-[x:IMPLEMENTS]->(root) WHERE x.inferred = true } AS inferred
