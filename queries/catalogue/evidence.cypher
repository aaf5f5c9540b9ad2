// Where an edge came from: its type, the sentence and span it was read from, the source file, the extractor
// and its confidence. Give both ends by uid, code or agency name.
// param start: str — the start node's uid or code (a document), or uid (a task, a target)
// param end: str — the end node's uid, code or agency name
// columns: type, start, end, sentence, span_start:int, span_end:int, source_path, source_sha256, extractor, confidence:float
// order: type, start, end, span_start
CALL () {
  MATCH (a:Document) WHERE a.uid = $start OR a.code = $start RETURN a
  UNION
  MATCH (a:Task {uid: $start}) RETURN a
  UNION
  MATCH (a:Target {uid: $start}) RETURN a
}
MATCH (a)-[r]->(b) WHERE b.uid = $end OR b.code = $end OR b.name = $end
RETURN type(r) AS type, a.uid AS start, b.uid AS end, r.sentence AS sentence, r.span_start AS span_start,
       r.span_end AS span_end, r.source_path AS source_path, r.source_sha256 AS source_sha256,
       r.extractor AS extractor, r.confidence AS confidence
