// Targets above the national one: a local target (its scope not the whole country) higher than a national
// target of the same unit whose indicator its own begins with (whatever the case of the letters: a plan prints
// "Tăng trưởng GRDP" or "tăng trưởng GRDP"), set by the same document or by one it carries out (up to 5 steps up).
// columns: document, indicator, value:float, scope, national_document, national_value:float
// order: document, indicator, national_document
MATCH (d:Document)-[:SETS_TARGET]->(t:Target) WHERE t.scope IS NOT NULL AND t.scope <> 'cả nước'
MATCH p = (d)-[:IMPLEMENTS*0..5]->(up:Document)-[:SETS_TARGET]->(n:Target {scope: 'cả nước'})
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))
  AND n.unit = t.unit AND toLower(t.indicator) STARTS WITH toLower(n.indicator) AND t.value > n.value
RETURN DISTINCT d.uid AS document, t.indicator AS indicator, t.value AS value, t.scope AS scope,
       up.uid AS national_document, n.value AS national_value
