// An agency's tasks: what each document assigned it, its role and deadline, and whether the deadline has
// passed on a given day.
// param agency: str — the agency's canonical name (Sở Xây dựng tỉnh Kon Tum) or uid
// param as_of: date = today — the day deadlines are judged on (ISO)
// columns: agency, document, code, task, task_text, role, deadline, overdue:bool
// order: deadline, document, task, role
MATCH (ag:Agency) WHERE ag.uid = $agency OR ag.name = $agency
MATCH (d:Document)-[:ASSIGNS]->(t:Task)-[a:ASSIGNED_TO]->(ag)
RETURN ag.name AS agency, d.uid AS document, d.code AS code, t.uid AS task, t.text AS task_text, a.role AS role,
       a.deadline AS deadline, (a.deadline IS NOT NULL AND a.deadline < $as_of) AS overdue
