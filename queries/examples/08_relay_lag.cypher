// Relay lags: for a directive, each document implementing it (up to 5 steps) dated to the day, its issuer and
// the days from the directive to it.
// param directive: str — the directive's uid or code
// columns: directive, document, issuer, depth:int, lag_days:int
// order: lag_days, document
MATCH (root:Document) WHERE (root.uid = $directive OR root.code = $directive) AND size(root.issue_date) = 10
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false)) AND size(d.issue_date) = 10
WITH root, d, min(length(p)) AS depth
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
RETURN root.uid AS directive, d.uid AS document, by.name AS issuer, depth,
       duration.inDays(date(root.issue_date), date(d.issue_date)).days AS lag_days
