// Every agency in the store with its name (what the app matches a typed name against).
// columns: agency, name
// order: name, agency
MATCH (ag:Agency)
RETURN ag.uid AS agency, ag.name AS name
