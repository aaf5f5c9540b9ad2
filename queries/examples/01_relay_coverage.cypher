// Relay coverage of a directive, non-relayers included: each province and ministry in being on the directive's
// date (the registry in the graph), how many documents of it implement the directive (up to 5 steps; for a
// province, any of its bodies) and whether it relayed it at all. A directive without a full date: none.
// param directive: str — the directive's uid or code
// columns: directive, level, unit, relays:int, relayed:bool
// order: level, unit
MATCH (root:Document) WHERE (root.uid = $directive OR root.code = $directive) AND size(root.issue_date) = 10
MATCH (ag:Agency) WHERE ag.level IN ['province', 'ministry']
  AND coalesce(ag.valid_from, '') <= root.issue_date
  AND (ag.abolished_on IS NULL OR ag.abolished_on > root.issue_date)
  AND NOT EXISTS { MATCH (ag)-[s:SUCCEEDED_BY]->() WHERE s.date <= root.issue_date }
OPTIONAL MATCH (by:Agency)<-[:ISSUED_BY]-(d:Document)-[:IMPLEMENTS*1..5]->(root)
  WHERE (ag.level = 'province' AND by.province = ag.province)
     OR (ag.level = 'ministry' AND by.name = ag.name AND by.province IS NULL)
WITH root, ag, count(DISTINCT d) AS relays
RETURN root.uid AS directive, ag.level AS level, coalesce(ag.province, ag.name) AS unit, relays, relays > 0 AS relayed
