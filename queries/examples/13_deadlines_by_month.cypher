// The deadlines a directive's lineage sets, by month: for each month, how many dated assignments fall due in the
// documents implementing the directive (up to 5 steps), across how many provinces (of the documents' issuers)
// and how many of them are to lead. A deadline printed as a year only counts under its year ("2025").
// param directive: str — the directive's uid or code
// columns: directive, month, assignments:int, provinces:int, lead:int
// order: directive, month
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))
WITH DISTINCT root, d
MATCH (d)-[:ASSIGNS]->(:Task)-[a:ASSIGNED_TO]->(:Agency) WHERE a.deadline IS NOT NULL
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
RETURN root.uid AS directive, substring(a.deadline, 0, 7) AS month, count(DISTINCT a) AS assignments,
       count(DISTINCT by.province) AS provinces, count(DISTINCT CASE WHEN a.role = 'lead' THEN a END) AS lead
