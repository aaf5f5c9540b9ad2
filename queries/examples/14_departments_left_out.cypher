// Departments left out: for each province whose documents implement a directive (up to 5 steps; any of its
// bodies), the province's departments the store knows (Agency level "department": those a document names, and
// the registry's successors of them) in being on the date of the province's first relay (not yet merged away or
// abolished, as the registry says) that no document of the directive's lineage issued in that province gave a
// task. A task given to a class of the province's bodies ("Các sở, ban, ngành …") names no department and does
// not count. With the number of the province's relays and the first one's date; a province whose relays carry
// no date is left out.
// param directive: str — the directive's uid or code
// columns: directive, province, relays:int, first_relay, department
// order: directive, province, department
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))
WITH DISTINCT root, d
MATCH (d)-[:ISSUED_BY]->(by:Agency) WHERE by.province IS NOT NULL
OPTIONAL MATCH (d)-[:ASSIGNS]->(:Task)-[:ASSIGNED_TO]->(tasked:Agency)
WITH root, by.province AS province, count(DISTINCT d) AS relays, min(d.issue_date) AS first,
     collect(DISTINCT tasked) AS tasked
WHERE first IS NOT NULL
MATCH (dep:Agency {level: 'department', province: province})
WHERE coalesce(dep.valid_from, '') <= first AND (dep.abolished_on IS NULL OR dep.abolished_on > first)
  AND NOT EXISTS { MATCH (dep)-[s:SUCCEEDED_BY]->() WHERE s.date <= first }
  AND NOT dep IN tasked
RETURN root.uid AS directive, province, relays, first AS first_relay, dep.name AS department
