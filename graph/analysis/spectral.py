"""SPONGE: spectral clustering of a signed graph (Cucuringu et al., AISTATS 2019).

Solves the generalised eigenproblem ``(L+ + tau_n D-) v = lambda (L- + tau_p D+) v``
for its ``k - 1`` smallest eigenvectors and groups the actors by k-means on them.
Runs on the largest connected component (eigenvectors of a disconnected graph
only tell the components apart); every smaller component becomes the factions
its positive ties make. ``k`` is given, or chosen in ``2..k_max`` as the one with
the fewest disagreements. Dense solver up to :data:`DENSE_NODES` actors; above,
LOBPCG (``scipy.sparse.linalg.lobpcg``, Jacobi preconditioner, seeded start).

>>> import networkx as nx
>>> g = nx.Graph()
>>> g.add_edges_from([("a", "b"), ("b", "c"), ("d", "e"), ("e", "f")], sign=1)
>>> g.add_edges_from([("a", "d"), ("c", "f"), ("b", "e")], sign=-1)
>>> r = sponge(g, k=2)
>>> sorted(sorted(m["id"] for m in f["members"]) for f in r["factions"]), r["score"]
([['a', 'b', 'c'], ['d', 'e', 'f']], 0)
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import scipy.linalg as la
import scipy.sparse as sp
from scipy.cluster.vq import kmeans2
from scipy.sparse.linalg import lobpcg

from graph.analysis._factions import check_signed, disagreements, faction_result, signed_matrix, split_unbound
from graph.analysis._gc import paused_gc
from graph.errors import QueryError

__all__ = ["sponge", "spectral_starts", "DENSE_NODES", "START_NODES"]

#: up to this many actors the eigenproblem is solved densely
DENSE_NODES = 300
#: up to this many actors the faction heuristics also start from SPONGE's clusters
START_NODES = 5000


def _eigenvectors(matrix: sp.csr_matrix, count: int, tau_p: float, tau_n: float, seed: int) -> np.ndarray:
    positive = matrix.maximum(0)
    negative = (-matrix).maximum(0)
    d_pos = sp.diags(np.asarray(positive.sum(axis=1)).ravel())
    d_neg = sp.diags(np.asarray(negative.sum(axis=1)).ravel())
    n = matrix.shape[0]
    left = (d_pos - positive + tau_n * d_neg).tocsc()
    right = (d_neg - negative + tau_p * d_pos + 1e-6 * sp.identity(n)).tocsc()
    if n <= DENSE_NODES:
        _, vectors = la.eigh(left.toarray(), right.toarray(), subset_by_index=[0, count - 1])
        return vectors
    start = np.random.default_rng(seed).standard_normal((n, count))
    jacobi = sp.diags(1.0 / np.maximum(left.diagonal(), 1e-6))
    _, vectors = lobpcg(left.tocsr(), start, B=right.tocsr(), M=jacobi, largest=False, tol=1e-5, maxiter=300)
    return vectors


def spectral_starts(matrix: sp.csr_matrix, ks: tuple[int, ...] = (5, 6, 8), seed: int = 0) -> list[np.ndarray]:
    """Cluster labels from SPONGE's eigenvectors for each ``k`` in ``ks``: starting points for local search.

    An over-segmented spectral clustering (a few more clusters than factions) is a good
    start: the local moves merge its pieces, and its clusters are not the impure fragments
    that merging single actors makes. None (an empty list) above :data:`START_NODES` actors,
    or when the eigenproblem does not converge.

    >>> side = np.arange(60) % 2   # two factions: friends inside, enemies across
    >>> ties = np.triu(np.random.default_rng(1).random((60, 60)) < 0.2, 1)
    >>> w = sp.csr_matrix(ties * np.where(side[:, None] == side, 1.0, -1.0))
    >>> [bool(np.all((labels == labels[0]) == (side == 0))) for labels in spectral_starts(w + w.T, ks=(2,))]
    [True]
    >>> spectral_starts(w[:9, :9])   # too small to be worth it
    []
    """
    n = matrix.shape[0]
    if n > START_NODES or n < 10 * max(ks):  # small graphs: the integer programme decides anyway
        return []
    top = min(max(ks), n - 1)
    try:
        vectors = _eigenvectors(matrix, max(top - 1, 1), 1.0, 1.0, seed)
        return [_kmeans(vectors, min(k, top), seed) for k in ks]
    except (np.linalg.LinAlgError, ValueError):
        return []


def _kmeans(vectors: np.ndarray, k: int, seed: int) -> np.ndarray:
    data = vectors[:, : k - 1]
    scale = data.std(axis=0)
    data = data / np.where(scale > 0, scale, 1)
    _, labels = kmeans2(data, k, minit="++", seed=np.random.default_rng(seed))
    return labels


@paused_gc()
def sponge(
    graph: nx.Graph,
    *,
    k: int | None = None,
    k_max: int = 8,
    tau_p: float = 1.0,
    tau_n: float = 1.0,
    seed: int = 0,
) -> dict[str, object]:
    """SPONGE factions; score = number of disagreements of the partition."""
    if k is not None and k < 2:
        raise QueryError(f"k={k} is too small", hint="SPONGE needs k >= 2, or leave k out to choose it")
    signed = check_signed(graph)
    components = sorted(nx.connected_components(signed), key=lambda c: (-len(c), min(c)))
    partition: list[set[str]] = []
    chosen = None
    if components and len(components[0]) > 2:
        nodes, matrix = signed_matrix(signed, nodes=components[0])
        top = min(len(nodes) - 1, k if k is not None else k_max)
        vectors = _eigenvectors(matrix, max(top - 1, 1), tau_p, tau_n, seed)
        best: tuple[int, int, list[set[str]]] | None = None
        for candidate in ([k] if k is not None else range(2, top + 1)):
            labels = _kmeans(vectors, candidate, seed)
            bad = disagreements(matrix, labels)
            groups = [{nodes[i] for i in np.flatnonzero(labels == c)} for c in range(candidate)]
            groups = [g for g in groups if g]
            if best is None or bad < best[0]:
                best = (bad, candidate, groups)
        assert best is not None
        _, chosen, groups = best
        partition += groups
        components = components[1:]
    if components:  # every smaller component: the parts its positive ties make (one pass for all)
        partition += split_unbound(signed, [set(comp) for comp in components])
    return faction_result(signed, partition, method="spectral", score=None,
                          score_kind="disagreements",
                          extra={"k": chosen, "seed": seed, "tau_p": tau_p, "tau_n": tau_n})
