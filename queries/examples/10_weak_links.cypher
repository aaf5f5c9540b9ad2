// Links to check: links to documents (IMPLEMENTS, BASED_ON, CITES) and agencies (ISSUED_BY, ADDRESSED_TO) read
// with less than full confidence and below ?below percent, with the sentence they were read from and the file.
// param below: int = 100 — the confidence, in percent, under which a link is listed (at most 100: full confidence is never listed)
// columns: document, type, other, confidence:float, sentence, source_path
// order: confidence, document, other
MATCH (d:Document)-[r:IMPLEMENTS|BASED_ON|CITES|ISSUED_BY|ADDRESSED_TO]->(o)
WHERE r.confidence < 1 AND r.confidence * 100 < $below
RETURN d.uid AS document, type(r) AS type, o.uid AS other, r.confidence AS confidence, r.sentence AS sentence,
       r.source_path AS source_path
