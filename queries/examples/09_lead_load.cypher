// Who leads most: each agency named in assignments, how many it leads, supports or shares with all, and how
// many of those have a deadline.
// columns: agency, kind, lead:int, support:int, other:int, dated:int
// order: -lead, agency
MATCH (:Task)-[a:ASSIGNED_TO]->(ag:Agency)
RETURN ag.name AS agency, ag.kind AS kind, count(CASE WHEN a.role = 'lead' THEN 1 END) AS lead,
       count(CASE WHEN a.role = 'support' THEN 1 END) AS support,
       count(CASE WHEN NOT a.role IN ['lead', 'support'] THEN 1 END) AS other,
       count(a.deadline) AS dated
