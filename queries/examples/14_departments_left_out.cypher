// Departments left out: for each province whose documents implement a directive (up to 5 steps; any of its
// bodies), the province's departments the store knows (Agency level "department": those a document names, and
// the registry's successors of them) in being on the date of the province's first relay (not yet merged away or
// abolished, as the registry says) that no document of the directive's lineage in that province gave a task.
// With the number of the province's relays, the first one's date, and how many tasks they gave to a class of the
// province's bodies (Agency kind "collective": "Các sở, ban, ngành …", which may take in a department left out);
// a province whose relays carry no date is left out.
// param directive: str — the directive's uid or code
// columns: directive, province, relays:int, first_relay, to_classes:int, department
// order: directive, province, department
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (d:Document)-[:IMPLEMENTS*1..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))
WITH DISTINCT root, d
MATCH (d)-[:ISSUED_BY]->(by:Agency) WHERE by.province IS NOT NULL
OPTIONAL MATCH (d)-[:ASSIGNS]->(:Task)-[c:ASSIGNED_TO]->(class:Agency {kind: 'collective'})
  WHERE class.province = by.province
WITH root, by.province AS province, collect(DISTINCT d) AS relays, min(d.issue_date) AS first,
     count(DISTINCT c) AS to_classes
WHERE first IS NOT NULL
MATCH (dep:Agency {level: 'department', province: province})
WHERE coalesce(dep.valid_from, '') <= first AND (dep.abolished_on IS NULL OR dep.abolished_on > first)
  AND NOT EXISTS { MATCH (dep)-[s:SUCCEEDED_BY]->() WHERE s.date <= first }
  AND NOT EXISTS { MATCH (x:Document)-[:ASSIGNS]->(:Task)-[:ASSIGNED_TO]->(dep) WHERE x IN relays }
RETURN root.uid AS directive, province, size(relays) AS relays, first AS first_relay, to_classes,
       dep.name AS department
