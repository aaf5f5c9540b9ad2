// Merged agencies and their open tasks: each agency succeeded by another (a merger or a renaming, the registry's
// SUCCEEDED_BY) that still holds assignments not overdue on ?as_of (no deadline, or a deadline not passed), with
// the successor that inherits them.
// param as_of: date = today — the day deadlines are judged on
// columns: agency, successor, merged_on, document, task, role, deadline
// order: agency, document, task, role
MATCH (ag:Agency)-[s:SUCCEEDED_BY]->(next:Agency)
MATCH (d:Document)-[:ASSIGNS]->(t:Task)-[a:ASSIGNED_TO]->(ag)
WHERE a.deadline IS NULL OR a.deadline >= $as_of
RETURN ag.name AS agency, next.name AS successor, s.date AS merged_on, d.uid AS document, t.uid AS task,
       a.role AS role, a.deadline AS deadline
