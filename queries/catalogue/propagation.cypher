// Every document that implements a directive, directly or through others (up to 5 steps), with its depth,
// issuer and date, and each task it assigned and to whom (one row per assignment; none: one row).
// param directive: str — the directive's uid (vn/nq-cp/2025/124) or code (124/NQ-CP)
// columns: document, code, doc_type, issuer, issue_date, depth:int, task, task_text, agency, role, deadline
// order: depth, document, task, agency, role
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))  // extracted links only
WITH d, min(length(p)) AS depth
OPTIONAL MATCH (d)-[:ISSUED_BY]->(by:Agency)
OPTIONAL MATCH (d)-[:ASSIGNS]->(t:Task)-[a:ASSIGNED_TO]->(agency:Agency)
RETURN d.uid AS document, d.code AS code, d.doc_type AS doc_type, by.name AS issuer, d.issue_date AS issue_date,
       depth, t.uid AS task, t.text AS task_text, agency.name AS agency, a.role AS role, a.deadline AS deadline
