"""Network analysis of the knowledge graph: projection to NetworkX, centrality, paths,
factions on the signed graph, time slices and exports. Plain data back everywhere.

>>> from graph.analysis import project, factions
>>> from graph.analysis._demo import demo_store
>>> factions(project(demo_store()), method="balance")["score"]
0
"""

from graph.analysis.balance import frustration
from graph.analysis.centrality import brokers, centrality
from graph.analysis.correlation import correlation_clustering
from graph.analysis.export import FORMATS, network_json, write_network
from graph.analysis.factions import METHODS, factions
from graph.analysis.louvain import louvain
from graph.analysis.names import actor_candidates, resolve_actor
from graph.analysis.paths import evidence_paths
from graph.analysis.projection import project, signed_graph
from graph.analysis.slices import DEFAULT_SLICES, realignments, timeline
from graph.analysis.spectral import sponge

__all__ = [
    "project", "signed_graph", "centrality", "brokers", "evidence_paths",
    "frustration", "correlation_clustering", "sponge", "louvain", "factions", "METHODS",
    "timeline", "realignments", "DEFAULT_SLICES", "write_network", "network_json", "FORMATS",
    "resolve_actor", "actor_candidates",
]
