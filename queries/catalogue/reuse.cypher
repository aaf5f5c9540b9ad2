// The passages a document shares with others (text reuse): each document it reuses ("reuses": an earlier one it
// copies from) and each that reuses it ("reused_by"), with the share of the later text copied, changed and its
// own, the passages' count and similarity, whether an IMPLEMENTS was inferred from the reuse (none of its
// references names the earlier document), and the passages as JSON (spans on both sides, words, kind).
// param document: str — the document's uid or code
// columns: document, other, direction, copied_share:float, changed_share:float, own_share:float, passages:int, similarity:float, inferred:bool, evidence
// order: direction, -copied_share, other
MATCH (d:Document) WHERE d.uid = $document OR d.code = $document
CALL (d) {
  MATCH (d)-[r:REUSES]->(o:Document)
  RETURN o, r, 'reuses' AS direction, d AS later, o AS earlier
  UNION
  MATCH (o:Document)-[r:REUSES]->(d)
  RETURN o, r, 'reused_by' AS direction, o AS later, d AS earlier
}
RETURN d.uid AS document, o.uid AS other, direction, r.copied_share AS copied_share, r.changed_share AS changed_share,
       r.own_share AS own_share, r.passage_count AS passages, r.similarity AS similarity,
       EXISTS { (later)-[i:IMPLEMENTS]->(earlier) WHERE i.inferred = true } AS inferred, r.passages AS evidence
