// What a document carries out, back to the central directive(s) and Party resolution(s): every document
// it implements, directly or through others (up to 5 steps); `top` marks those that implement nothing.
// param document: str — the document's uid or code (140/KH-UBND)
// columns: document, code, doc_type, issuer, issue_date, depth:int, stub:bool, top:bool
// order: depth, document
MATCH (start:Document) WHERE start.uid = $document OR start.code = $document
MATCH p = (start)-[:IMPLEMENTS*1..5]->(a:Document)
WHERE none(r IN relationships(p) WHERE coalesce(r.inferred, false))  // extracted links only
WITH a, min(length(p)) AS depth
RETURN a.uid AS document, a.code AS code, a.doc_type AS doc_type, a.issuer AS issuer, a.issue_date AS issue_date,
       depth, a.stub AS stub, NOT exists { (a)-[x:IMPLEMENTS]->(:Document) WHERE x.inferred IS NULL } AS top
