// The same goals at each level: the targets a directive sets and those set by every document implementing
// it (up to 5 steps), with the sentence each was read from (8% for the country → 12.5% in Hải Phòng).
// param directive: str — the directive's uid or code
// columns: document, issuer, depth:int, indicator, value:float, value_max:float, unit, comparator, scope, period, sentence
// order: depth, document, indicator, value
MATCH (root:Document) WHERE root.uid = $directive OR root.code = $directive
MATCH p = (d:Document)-[:IMPLEMENTS*0..5]->(root)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))  // extracted links only
WITH d, min(length(p)) AS depth
MATCH (d)-[s:SETS_TARGET]->(t:Target)
RETURN d.uid AS document, d.issuer AS issuer, depth, t.indicator AS indicator, t.value AS value,
       t.value_max AS value_max, t.unit AS unit, t.comparator AS comparator, t.scope AS scope, t.period AS period,
       s.sentence AS sentence
