// Tasks that came from above: every task of a document below whose words come from a task the directive
// assigns (DERIVED_FROM, followed down to 3 steps: directive → province → department), its document, the
// agencies it is assigned to and their role, and the directive's task it comes from.
// param directive: str — the directive's uid or code
// columns: directive, source_task, source_text, document, task, text, depth:int, agency, role
// order: source_task, depth, document, task, agency, role
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH (root)-[:ASSIGNS]->(src:Task)
MATCH p = (t:Task)-[:DERIVED_FROM*1..3]->(src)
WITH root, src, t, min(length(p)) AS depth
MATCH (d:Document)-[:ASSIGNS]->(t)
OPTIONAL MATCH (t)-[a:ASSIGNED_TO]->(ag:Agency)
RETURN DISTINCT root.uid AS directive, src.uid AS source_task, src.text AS source_text, d.uid AS document,
       t.uid AS task, t.text AS text, depth, ag.name AS agency, a.role AS role
