// The provinces and ministries that have not relayed a directive: each province's People's Committee and each
// ministry in being on the directive's date (the registry is in the graph: 63 provinces before 1 July 2025, 34
// after; a ministry until it merged) that issued no document implementing the directive (up to 5 steps) —
// for a province, none of its bodies did. A directive without a full date: none.
// param directive: str — the directive's uid or code
// columns: directive, level, unit, agency
// order: level, unit
MATCH (root:Document) WHERE (root.uid = $directive OR root.code = $directive) AND size(root.issue_date) = 10
MATCH (ag:Agency) WHERE ag.level IN ['province', 'ministry']
  AND coalesce(ag.valid_from, '') <= root.issue_date
  AND (ag.abolished_on IS NULL OR ag.abolished_on > root.issue_date)
  AND NOT EXISTS { MATCH (ag)-[s:SUCCEEDED_BY]->() WHERE s.date <= root.issue_date }
  AND NOT EXISTS {
    MATCH (by:Agency)<-[:ISSUED_BY]-(:Document)-[:IMPLEMENTS*1..5]->(root)
    WHERE (ag.level = 'province' AND by.province = ag.province)
       OR (ag.level = 'ministry' AND by.name = ag.name AND by.province IS NULL)
  }
RETURN root.uid AS directive, ag.level AS level, coalesce(ag.province, ag.name) AS unit, ag.name AS agency
