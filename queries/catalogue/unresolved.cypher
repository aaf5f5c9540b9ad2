// References we cannot follow: cited documents not in the store (stubs), with how many documents cite them.
// columns: document, code, doc_type, title, issuer, issue_date, cited_by:int
// order: -cited_by, document
MATCH (src:Document)-[]->(d:Document)
WHERE d.stub = true
RETURN d.uid AS document, d.code AS code, d.doc_type AS doc_type, d.title AS title, d.issuer AS issuer,
       d.issue_date AS issue_date, count(DISTINCT src) AS cited_by
