"""The powergraph ontology: namespaces, and the relation metadata read from the Turtle.

The Turtle files in this folder are the single source of truth for classes,
relation types, their labels, stance signs and CAMEO event codes. Python code
asks this module instead of repeating them.

>>> from ontology import PG, relation_metadata
>>> meta = relation_metadata()
>>> meta[PG.arrested].sign, meta[PG.arrested].cameo
(-1, '173')
"""

from ontology._namespaces import PG, PGE, PGG, PGS, NAMESPACES, ONTOLOGY_GRAPH, entity_iri, entity_id
from ontology._metadata import Relation, relation_metadata, ontology_graph, shapes_graph, ONTOLOGY_FILE, SHAPES_FILE

__all__ = [
    "PG",
    "PGE",
    "PGG",
    "PGS",
    "NAMESPACES",
    "ONTOLOGY_GRAPH",
    "entity_iri",
    "entity_id",
    "Relation",
    "relation_metadata",
    "ontology_graph",
    "shapes_graph",
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
]
