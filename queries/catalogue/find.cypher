// Documents by words of their code or subject, type, issuer and a span of years; * means any.
// param text: str = * — words of the code or subject (case-insensitive)
// param doc_type: str = * — a document type (Nghị quyết, Kế hoạch…)
// param issuer: str = * — words of the issuer's name
// param year_from: str = 0000 — first year
// param year_to: str = 9999 — last year
// param limit: int = 50 — how many documents
// columns: document, code, doc_type, issuer, issue_date, subject, stub:bool
// order: -issue_date, document
MATCH (d:Document)
WHERE ($text = '*' OR toLower(coalesce(d.code, '') + ' ' + coalesce(d.subject, '') + ' ' + coalesce(d.title, ''))
                       CONTAINS toLower($text))
  AND ($doc_type = '*' OR d.doc_type = $doc_type)
  AND ($issuer = '*' OR toLower(coalesce(d.issuer, '')) CONTAINS toLower($issuer))
  AND substring(coalesce(d.issue_date, '0000'), 0, 4) >= $year_from
  AND substring(coalesce(d.issue_date, '9999'), 0, 4) <= $year_to
RETURN d.uid AS document, d.code AS code, d.doc_type AS doc_type, d.issuer AS issuer, d.issue_date AS issue_date,
       coalesce(d.subject, d.title) AS subject, d.stub AS stub
