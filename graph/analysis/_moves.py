"""Local search for the faction heuristics: node moves, then whole groups moved as one (multilevel).

Correlation clustering maximises the signed weight inside factions (the same as minimising
disagreements). :func:`cluster` moves single actors to the neighbouring faction that pulls
them most (or alone, when every faction repels them), then coarsens (each faction becomes one
node, the weights between factions summed) and moves factions the same way: merges of
factions that attract each other; the levels are unfolded and refined again (as Louvain
does for modularity). :func:`two_camps` does the same for structural balance: single-node
flips, then groups of actors whose ties inside are satisfied flip as one.

>>> import scipy.sparse as sp
>>> w = sp.csr_matrix(np.array([[0, 1, -1, 0], [1, 0, 0, -1], [-1, 0, 0, 1], [0, -1, 1, 0]], dtype=float))
>>> labels = cluster(w, np.random.default_rng(0))
>>> bool(labels[0] == labels[1]), bool(labels[2] == labels[3]), bool(labels[0] != labels[2])
(True, True, True)
>>> spins = two_camps(w, -np.ones(4), np.random.default_rng(0))
>>> bool(spins[0] == spins[1] != spins[2] == spins[3])
True
"""

from __future__ import annotations

from collections import deque

import numpy as np
import scipy.sparse as sp

__all__ = ["cluster", "two_camps", "flip_search", "coarsen", "SEQUENTIAL_PAIRS"]

#: up to this many signed pairs, local moves end with a pass of one node at a time
SEQUENTIAL_PAIRS = 40_000


def _inside(matrix: sp.csr_matrix, labels: np.ndarray) -> float:
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    return float(matrix.data[labels[rows] == labels[matrix.indices]].sum())


def _moves(matrix: sp.csr_matrix, labels: np.ndarray, rng: np.random.Generator, steps: int = 15) -> bool:
    """Move nodes between clusters (in place) while moves raise the weight inside; True if any moved.

    Each step finds, for every node at once (sparse products), the neighbouring cluster that
    pulls it most, or a cluster of its own when every cluster repels it; a random half of
    the nodes that gain moves together, and a step that loses is undone (with a smaller half
    next time).
    """
    n = matrix.shape[0]
    if n == 0 or matrix.nnz == 0:
        return False
    best = _inside(matrix, labels)
    share, any_move = 0.5, False
    for _ in range(steps):
        k = int(labels.max()) + 1
        member = sp.csr_matrix((np.ones(n), (np.arange(n), labels)), shape=(n, k))
        pull = (matrix @ member).tocoo()
        order = np.lexsort((pull.col, -pull.data, pull.row))
        row, col, val = pull.row[order], pull.col[order], pull.data[order]
        first = np.ones(len(row), dtype=bool)
        first[1:] = row[1:] != row[:-1]
        top_node, top_cluster, top_pull = row[first], col[first], val[first]
        own = row[col == labels[row]]
        stay = np.zeros(n)
        stay[own] = val[col == labels[row]]
        target = labels.copy()
        gain = np.zeros(n)
        target[top_node] = top_cluster
        gain[top_node] = top_pull - stay[top_node]
        alone = (stay < 0) & (gain <= -stay)  # better alone than with enemies (and than any neighbour)
        target[alone] = k + np.flatnonzero(alone)
        gain[alone] = -stay[alone]
        movers = np.flatnonzero((gain > 1e-9) & (target != labels))
        if len(movers) == 0:
            break
        chosen = movers[rng.random(len(movers)) < share] if len(movers) > 1 else movers
        if len(chosen) == 0:
            continue
        trial = labels.copy()
        trial[chosen] = target[chosen]
        score = _inside(matrix, trial)
        if score > best + 1e-9:
            _, labels[:] = np.unique(trial, return_inverse=True)
            best, any_move = score, True
        else:
            share /= 2
            if share < 1e-3:
                break
    return any_move


def coarsen(matrix: sp.csr_matrix, labels: np.ndarray) -> tuple[sp.csr_matrix, np.ndarray]:
    """The graph of the groups (summed weights, no loops) and each node's group number."""
    _, groups = np.unique(labels, return_inverse=True)
    n, k = matrix.shape[0], int(groups.max()) + 1 if len(groups) else 0
    member = sp.csr_matrix((np.ones(n), (np.arange(n), groups)), shape=(n, k))
    coarse = (member.T @ matrix @ member).tocsr()
    coarse.setdiag(0)
    coarse.eliminate_zeros()
    return coarse, groups


def _sequential(matrix: sp.csr_matrix, labels: np.ndarray, rng: np.random.Generator, passes: int = 20) -> None:
    """Move nodes one at a time (in place, random order) to the cluster that pulls them most, or
    alone when their own repels them, until a pass moves none: the local optimum that the
    parallel steps of :func:`_moves` only approach."""
    n = matrix.shape[0]
    indptr, indices, data = matrix.indptr.tolist(), matrix.indices.tolist(), matrix.data.tolist()
    lab = labels.tolist()
    size = np.bincount(labels, minlength=n).tolist()
    free = [c for c in range(len(size)) if size[c] == 0]
    for _ in range(passes):
        moved = False
        for i in rng.permutation(n).tolist():
            pull: dict[int, float] = {}
            for j, w in zip(indices[indptr[i]:indptr[i + 1]], data[indptr[i]:indptr[i + 1]]):
                pull[lab[j]] = pull.get(lab[j], 0.0) + w
            own = lab[i]
            stay = pull.pop(own, 0.0)
            target, best = max(pull.items(), key=lambda item: item[1], default=(own, stay))
            alone = best <= 0 and stay < 0 and size[own] > 1 and bool(free)
            if alone:
                target, best = free[-1], 0.0
            if best <= stay + 1e-9:
                continue
            if alone:
                free.pop()
            size[own] -= 1
            size[target] += 1
            if size[own] == 0:
                free.append(own)
            lab[i], moved = target, True
        if not moved:
            break
    _, labels[:] = np.unique(np.array(lab), return_inverse=True)


def _refine(matrix: sp.csr_matrix, labels: np.ndarray, rng: np.random.Generator) -> None:
    """Local moves in place: the parallel steps, then (up to :data:`SEQUENTIAL_PAIRS`) one node at a time."""
    _moves(matrix, labels, rng)
    if matrix.nnz <= 2 * SEQUENTIAL_PAIRS:
        _sequential(matrix, labels, rng)


def cluster(matrix: sp.csr_matrix, rng: np.random.Generator, labels: np.ndarray | None = None) -> np.ndarray:
    """Cluster labels for a symmetric signed weight matrix: multilevel node and group moves.

    Every level moves nodes, then each cluster becomes one node of the next level, until a
    level merges nothing (a start that is already a local optimum of node moves still gets
    its merges, at the levels above).
    """
    n = matrix.shape[0]
    labels = np.arange(n) if labels is None else labels.copy()
    levels: list[np.ndarray] = []
    current, lab = matrix, labels
    while True:
        _refine(current, lab, rng)
        coarse, groups = coarsen(current, lab)
        if coarse.shape[0] == current.shape[0]:
            break
        levels.append(groups)
        current, lab = coarse, np.arange(coarse.shape[0])
    for groups in reversed(levels):
        lab = lab[groups]
    _refine(matrix, lab, rng)
    return lab


def flip_search(matrix: sp.csr_matrix, spins: np.ndarray) -> np.ndarray:
    """Flip single nodes (spins +-1) while a flip lowers the weight of frustrated pairs."""
    indptr, indices, values = matrix.indptr, matrix.indices, matrix.data
    field = np.zeros(len(spins))
    np.add.at(field, np.repeat(np.arange(len(spins)), np.diff(indptr)), values * spins[indices])
    pending = deque(np.flatnonzero(spins * field < 0).tolist())
    while pending:
        i = pending.popleft()
        if spins[i] * field[i] >= 0:
            continue
        old = spins[i]
        spins[i] = -old
        lo, hi = indptr[i], indptr[i + 1]
        near = indices[lo:hi]
        field[near] -= 2 * values[lo:hi] * old
        pending.extend(near[spins[near] * field[near] < 0].tolist())
    return spins


def two_camps(matrix: sp.csr_matrix, spins: np.ndarray, rng: np.random.Generator, rounds: int = 3) -> np.ndarray:
    """Two camps (+-1): single flips, then groups flipped as one, while the frustration falls.

    A group is a cluster of the matrix seen from the current camps (each pair's weight times
    the two spins: satisfied pairs attract): flipping it keeps its inside satisfied and
    changes only its border.
    """
    spins = flip_search(matrix, spins.astype(float).copy())
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    best = float(np.sum(matrix.data * spins[rows] * spins[matrix.indices]))
    for _ in range(rounds):
        gauge = sp.csr_matrix((matrix.data * spins[rows] * spins[matrix.indices], matrix.indices, matrix.indptr),
                              shape=matrix.shape)
        coarse, groups = coarsen(gauge, cluster(gauge, rng))
        flips = flip_search(coarse, np.ones(coarse.shape[0]))
        trial = flip_search(matrix, spins * flips[groups])
        score = float(np.sum(matrix.data * trial[rows] * trial[matrix.indices]))
        if score <= best + 1e-9:
            break
        spins, best = trial, score
    return spins
