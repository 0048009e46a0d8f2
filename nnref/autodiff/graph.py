"""Read the backward graph that autograd records, as plain nodes and edges.

Every tensor produced by a differentiable operation on tensors that require gradients carries
``grad_fn``, the node of the backward graph that will compute the vector–Jacobian product of
that operation; ``grad_fn.next_functions`` lists, for each input of the operation, the node
the gradient flows to next (``None`` for an input that needs no gradient). Leaf tensors created
by the user with ``requires_grad=True`` end in an ``AccumulateGrad`` node, which adds the
incoming gradient into the leaf's ``.grad``.

:func:`walk` follows these links from a tensor and returns the graph with its nodes in
topological order (each node before every node it sends gradient to: the order in which the
backward pass may run them) and the depth of each node (the length of the longest path from
the root, so that a node's depth is larger than the depth of every node that feeds it).
"""

from collections import deque
from dataclasses import dataclass

import torch

from nnref._checks import require_tensor


@dataclass(frozen=True)
class Graph:
    """A backward graph read from autograd.

    Attributes:
        names: The node names (``type(node).__name__``, e.g. ``"AddmmBackward0"``), in
            topological order: the root (the tensor's ``grad_fn``) first.
        edges: Pairs ``(i, j)`` of indices into ``names``: gradient flows from node ``i`` to
            node ``j`` (``j`` is in ``names[i]``'s ``next_functions``). A pair appears once per
            link, so an operation that uses one input twice gives the same pair twice.
        depth: The longest distance of each node from the root, in edges.
        leaves: The leaf tensors, one per ``AccumulateGrad`` node, by node index.
        nodes: The autograd nodes themselves (``torch.autograd.graph.Node``), in the same
            order as ``names``: their saved tensors and hooks are reachable from here.
    """

    names: tuple[str, ...]
    edges: tuple[tuple[int, int], ...]
    depth: tuple[int, ...]
    leaves: dict[int, torch.Tensor]
    nodes: tuple = ()

    def successors(self, index: int) -> list[int]:
        """The nodes that node ``index`` sends gradient to, in ``next_functions`` order."""
        return [j for i, j in self.edges if i == index]

    def leaf_indices(self) -> list[int]:
        """Indices of the ``AccumulateGrad`` nodes, in topological order."""
        return sorted(self.leaves)


def walk(tensor: torch.Tensor) -> Graph:
    """The backward graph of ``tensor``, in topological order.

    Args:
        tensor: A tensor that is the result of a recorded operation (``tensor.grad_fn`` is not
            None), or a leaf that requires grad (its graph is a single ``AccumulateGrad``).

    Returns:
        The :class:`Graph`. Ties in the topological order are broken by the order of
        discovery (breadth first along ``next_functions``), so the result is deterministic.

    Raises:
        TypeError: ``tensor`` is not a tensor.
        ValueError: ``tensor`` has no graph (it does not require grad).
    """
    require_tensor("tensor", tensor)
    root = tensor.grad_fn
    if root is None:
        if not tensor.requires_grad:
            raise ValueError("tensor does not require grad, so autograd recorded no graph for it")
        root = _accumulate_grad_of(tensor)

    nodes: list = [root]
    index = {root: 0}
    raw_edges: list[tuple[int, int]] = []
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for child, _ in node.next_functions:
            if child is None:
                continue
            if child not in index:
                index[child] = len(nodes)
                nodes.append(child)
                queue.append(child)
            raw_edges.append((index[node], index[child]))

    order = _topological_order(len(nodes), raw_edges)
    position = {old: new for new, old in enumerate(order)}
    edges = tuple((position[i], position[j]) for i, j in raw_edges)
    depth = [0] * len(order)
    for i, j in sorted(edges, key=lambda edge: edge[0]):
        depth[j] = max(depth[j], depth[i] + 1)
    names = tuple(type(nodes[old]).__name__ for old in order)
    leaves = {
        position[old]: nodes[old].variable
        for old in order
        if type(nodes[old]).__name__ == "AccumulateGrad"
    }
    return Graph(
        names=names,
        edges=edges,
        depth=tuple(depth),
        leaves=leaves,
        nodes=tuple(nodes[old] for old in order),
    )


def _topological_order(count: int, edges: list[tuple[int, int]]) -> list[int]:
    """Kahn's algorithm: a node comes out once every edge into it has been passed."""
    indegree = [0] * count
    for _, j in edges:
        indegree[j] += 1
    ready = deque(i for i in range(count) if indegree[i] == 0)
    order = []
    while ready:
        i = ready.popleft()
        order.append(i)
        for src, j in edges:
            if src == i:
                indegree[j] -= 1
                if indegree[j] == 0:
                    ready.append(j)
    if len(order) != count:  # autograd graphs are acyclic; this guards the algorithm itself
        raise ValueError("the graph has a cycle")
    return order


def _accumulate_grad_of(leaf: torch.Tensor):
    """The ``AccumulateGrad`` node of a leaf tensor that requires grad."""
    return leaf.view_as(leaf).grad_fn.next_functions[0][0]
