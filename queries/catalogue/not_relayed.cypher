// The provinces that have not relayed a directive: each province's People's Committee in being on the
// directive's date (the registry is in the graph: 63 provinces before 1 July 2025, 34 after) of whose
// province no document implements the directive (up to 5 steps). A directive without a full date: none.
// param directive: str — the directive's uid or code
// columns: directive, province, committee
// order: province
MATCH (root:Document) WHERE (root.uid = $directive OR root.code = $directive) AND size(root.issue_date) = 10
MATCH (unit:Agency {level: 'province'})
WHERE coalesce(unit.valid_from, '') <= root.issue_date
  AND (unit.abolished_on IS NULL OR unit.abolished_on > root.issue_date)
  AND NOT EXISTS { MATCH (unit)-[s:SUCCEEDED_BY]->() WHERE s.date <= root.issue_date }
  AND NOT EXISTS {
    MATCH (:Agency {province: unit.province})<-[:ISSUED_BY]-(:Document)-[:IMPLEMENTS*1..5]->(root)
  }
RETURN root.uid AS directive, unit.province AS province, unit.name AS committee
