// One document's header fields.
// param document: str — the document's uid or code
// columns: document, doc_type, code, issue_date, place, issuer, subject, title, signer, signer_title, stub:bool, source_path, outline
// order: document
MATCH (d:Document) WHERE d.uid = $document OR d.code = $document
RETURN d.uid AS document, d.doc_type AS doc_type, d.code AS code, d.issue_date AS issue_date, d.place AS place,
       d.issuer AS issuer, d.subject AS subject, d.title AS title, d.signer AS signer,
       d.signer_title AS signer_title, d.stub AS stub, d.source_path AS source_path, d.outline AS outline
