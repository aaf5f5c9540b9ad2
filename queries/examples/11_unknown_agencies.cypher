// Names the registry does not know: agencies of kind "unknown" given tasks, with how many assignments and
// documents name them.
// columns: agency, assignments:int, documents:int
// order: -assignments, agency
MATCH (d:Document)-[:ASSIGNS]->(:Task)-[a:ASSIGNED_TO]->(ag:Agency {kind: 'unknown'})
RETURN ag.name AS agency, count(a) AS assignments, count(DISTINCT d) AS documents
