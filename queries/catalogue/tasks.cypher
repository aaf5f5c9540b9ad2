// The tasks one document assigned: to whom, in which role, by when, and the sentence.
// param document: str — the document's uid or code
// columns: task, task_text, agency, role, deadline, deadline_text, path
// order: task, role, agency
MATCH (d:Document)-[:ASSIGNS]->(t:Task)-[a:ASSIGNED_TO]->(ag:Agency) WHERE d.uid = $document OR d.code = $document
RETURN t.uid AS task, t.text AS task_text, ag.name AS agency, a.role AS role, a.deadline AS deadline,
       a.deadline_text AS deadline_text, t.path AS path
