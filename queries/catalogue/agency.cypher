// One agency's documents and place: what it issued, what was addressed to it, what it belongs to, and who
// it became (or came from) in the 2025 mergers.
// param agency: str — the agency's canonical name or uid
// columns: relation, other, other_label, date
// order: relation, date, other
MATCH (ag:Agency) WHERE ag.uid = $agency OR ag.name = $agency
CALL (ag) {
  MATCH (d:Document)-[:ISSUED_BY]->(ag) RETURN 'issued' AS relation, d.uid AS other, d.code AS other_label, d.issue_date AS date
  UNION
  MATCH (d:Document)-[:ADDRESSED_TO]->(ag) RETURN 'addressed to it' AS relation, d.uid AS other, d.code AS other_label, d.issue_date AS date
  UNION
  MATCH (ag)-[:PART_OF]->(p:Agency) RETURN 'part of' AS relation, p.uid AS other, p.name AS other_label, null AS date
  UNION
  MATCH (ag)-[s:SUCCEEDED_BY]->(n:Agency) RETURN 'succeeded by' AS relation, n.uid AS other, n.name AS other_label, s.date AS date
  UNION
  MATCH (p:Agency)-[s:SUCCEEDED_BY]->(ag) RETURN 'succeeds' AS relation, p.uid AS other, p.name AS other_label, s.date AS date
}
RETURN relation, other, other_label, date
