// Overdue assignments by agency on a day: for each agency with a task whose deadline has passed on ?as_of, how
// many it leads and how many it supports, and the earliest deadline missed.
// param as_of: date = today — the day deadlines are judged on
// columns: agency, kind, overdue:int, lead:int, earliest
// order: -overdue, agency
MATCH (t:Task)-[a:ASSIGNED_TO]->(ag:Agency)
WHERE a.deadline IS NOT NULL AND a.deadline < $as_of
RETURN ag.name AS agency, ag.kind AS kind, count(*) AS overdue,
       count(CASE WHEN a.role = 'lead' THEN 1 END) AS lead, min(a.deadline) AS earliest
