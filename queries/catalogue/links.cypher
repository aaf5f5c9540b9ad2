// Every link of one document, both ways, to other documents and agencies, with the sentence it was read from.
// param document: str — the document's uid or code
// columns: direction, type, other, other_label, sentence, span_start:int, span_end:int, confidence:float
// order: direction, type, other
MATCH (d:Document) WHERE d.uid = $document OR d.code = $document
CALL (d) {
  MATCH (d)-[r]->(o) WHERE NOT o:Task AND NOT o:Target
  RETURN 'out' AS direction, r, o
  UNION
  MATCH (d)<-[r]-(o)
  RETURN 'in' AS direction, r, o
}
RETURN direction, type(r) AS type, o.uid AS other, coalesce(o.code, o.name, o.title) AS other_label,
       r.sentence AS sentence, r.span_start AS span_start, r.span_end AS span_end, r.confidence AS confidence
