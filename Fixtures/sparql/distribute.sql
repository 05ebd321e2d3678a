-- Moves the staged fixture triples to the graphs Joinup keeps them in (joinup-dev
-- config/sync/sparql_entity_storage.mapping.*.yml): collections, owners, contact points, topics.
SPARQL INSERT { GRAPH <http://joinup.eu/collection/published> { ?s ?p ?o } }
  WHERE { GRAPH <urn:joinup:staging> { ?s a <http://www.w3.org/ns/dcat#Catalog> ; ?p ?o } };
SPARQL INSERT { GRAPH <http://joinup.eu/owner/published> { ?s ?p ?o } }
  WHERE { GRAPH <urn:joinup:staging> { ?s a <http://xmlns.com/foaf/0.1/Agent> ; ?p ?o } };
SPARQL INSERT { GRAPH <http://joinup.eu/contact-information/published> { ?s ?p ?o } }
  WHERE { GRAPH <urn:joinup:staging> { ?s a <http://www.w3.org/2006/vcard/ns#Kind> ; ?p ?o } };
SPARQL INSERT { GRAPH <http://joinup.eu/collection/draft> { ?s ?p ?o } }
  WHERE { GRAPH <urn:joinup:staging-draft> { ?s ?p ?o } };
SPARQL INSERT { GRAPH <http://topic> { ?s a <http://joinup.eu/vocabulary/topic> . ?s ?p ?o } }
  WHERE { GRAPH <urn:joinup:staging-topics> { ?s a <http://www.w3.org/2004/02/skos/core#Concept> ; ?p ?o } };
SPARQL CLEAR GRAPH <urn:joinup:staging>;
SPARQL CLEAR GRAPH <urn:joinup:staging-draft>;
SPARQL CLEAR GRAPH <urn:joinup:staging-topics>;
