"""nnref.autodiff.graph: the backward graph autograd records, read as nodes and edges."""

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn
from torch.autograd.graph import Node, saved_tensors_hooks

from nnref.autodiff.graph import walk


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _two_layer():
    torch.manual_seed(0)
    layer1, layer2 = nn.Linear(2, 3), nn.Linear(3, 2)
    x, y = torch.randn(4, 2), torch.randn(4, 2)
    loss = nn.functional.mse_loss(layer2(torch.tanh(layer1(x))), y)
    return loss, layer1, layer2


def test_two_layer_network_graph_exactly():
    loss, layer1, layer2 = _two_layer()
    graph = walk(loss)
    assert graph.names == (
        "MseLossBackward0",
        "AddmmBackward0",
        "AccumulateGrad",
        "TanhBackward0",
        "TBackward0",
        "AddmmBackward0",
        "AccumulateGrad",
        "AccumulateGrad",
        "TBackward0",
        "AccumulateGrad",
    )
    assert graph.depth == (0, 1, 2, 2, 2, 3, 3, 4, 4, 5)
    assert len(graph.edges) == 9
    leaves = [graph.leaves[i] for i in graph.leaf_indices()]
    expected = [layer2.bias, layer2.weight, layer1.bias, layer1.weight]
    assert all(a is b for a, b in zip(leaves, expected, strict=True))
    assert all(isinstance(node, Node) for node in graph.nodes)
    assert graph.nodes[0] is loss.grad_fn


def test_repeated_input_gives_two_edges():
    t = torch.tensor(3.0, requires_grad=True)
    graph = walk(t * t)
    assert graph.names == ("MulBackward0", "AccumulateGrad")
    assert graph.edges == ((0, 1), (0, 1))
    assert graph.leaves[1] is t


def test_fan_out_is_one_node_with_two_incoming_edges():
    x = torch.tensor(1.5, requires_grad=True)
    graph = walk(torch.exp(x) * x)
    assert graph.names == ("MulBackward0", "ExpBackward0", "AccumulateGrad")
    assert sorted(graph.edges) == [(0, 1), (0, 2), (1, 2)]
    assert graph.depth == (0, 1, 2)  # the longest path, not the shortest


def test_inputs_without_grad_are_not_nodes():
    x = torch.randn(3)  # no grad: next_functions holds None for it
    w = torch.randn(3, requires_grad=True)
    graph = walk((x * w).sum())
    assert graph.names == ("SumBackward0", "MulBackward0", "AccumulateGrad")
    assert len(graph.edges) == 2


def test_a_leaf_is_a_single_accumulate_grad():
    w = torch.ones(2, requires_grad=True)
    graph = walk(w)
    assert graph.names == ("AccumulateGrad",) and graph.edges == ()
    assert graph.leaves[0] is w


def test_bad_arguments_raise():
    with pytest.raises(TypeError, match="tensor"):
        walk([1.0])
    with pytest.raises(ValueError, match="does not require grad"):
        walk(torch.ones(2))


def _random_expression(ops, seed):
    """A random DAG of elementwise operations over three leaves; returns root and leaves."""
    generator = torch.Generator().manual_seed(seed)
    leaves = [torch.rand(2, generator=generator).add(0.5).requires_grad_() for _ in range(3)]
    values = list(leaves)
    for op, (i, j) in ops:
        a, b = values[i % len(values)], values[j % len(values)]
        values.append({"add": a + b, "mul": a * b, "tanh": torch.tanh(a), "exp": a.exp()}[op])
    return values[-1].sum(), leaves


EXPRESSIONS = st.lists(
    st.tuples(
        st.sampled_from(["add", "mul", "tanh", "exp"]),
        st.tuples(st.integers(0, 50), st.integers(0, 50)),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=40)
@given(ops=EXPRESSIONS)
def test_random_graphs_are_in_topological_order(ops):
    root, _ = _random_expression(ops, seed=len(ops))
    graph = walk(root)
    assert all(i < j for i, j in graph.edges)
    assert all(graph.depth[j] > graph.depth[i] for i, j in graph.edges)
    assert graph.depth[0] == 0 and all(d > 0 for d in graph.depth[1:])
    # every node is reached, once: count the distinct nodes by a plain depth-first search
    seen, stack = set(), [root.grad_fn]
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(child for child, _ in node.next_functions if child is not None)
    assert len(graph.names) == len(seen)
    total_links = sum(
        sum(child is not None for child, _ in node.next_functions) for node in graph.nodes
    )
    assert len(graph.edges) == total_links


@settings(max_examples=25)
@given(ops=EXPRESSIONS)
def test_torch_runs_every_node_after_all_its_predecessors(ops):
    root, _ = _random_expression(ops, seed=len(ops) + 100)
    graph = walk(root)
    ran: list[int] = []
    handles = [
        node.register_prehook(lambda grads, i=i: ran.append(i))
        for i, node in enumerate(graph.nodes)
        if graph.names[i] != "AccumulateGrad"
    ]
    root.backward()
    for handle in handles:
        handle.remove()
    position = {node: k for k, node in enumerate(ran)}
    for i, j in graph.edges:
        if j in position:
            assert position[i] < position[j]


def test_saved_tensors_of_the_two_layer_network():
    # docs/en/foundations/computation-graph.md: five tensors saved, shapes as printed
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(2, 3), nn.Tanh(), nn.Linear(3, 2))
    x = torch.randn(4, 2)
    saved = []
    with saved_tensors_hooks(lambda t: saved.append(t) or t, lambda t: t):
        out = model(x).pow(2).mean()
    assert [tuple(t.shape) for t in saved] == [(4, 2), (4, 3), (4, 3), (3, 2), (4, 2)]
    assert saved[0] is x  # the input, for the first layer's weight gradient
    assert saved[1] is saved[2]  # tanh's output, saved by TanhBackward0 and AddmmBackward0
    out.backward()


def test_graph_is_freed_after_backward():
    x = torch.tensor([1.0], requires_grad=True)
    y = torch.sin(x).sum()
    y.backward()
    with pytest.raises(RuntimeError, match="second time"):
        y.backward()
