"""TinyModule, the Tiny containers and the merging functions against torch.nn.

The same networks are built twice, from ``nnref.layers.module``/``containers`` and from
``torch.nn``; names, order, state-dict keys, training flags, hook calls, loading and outputs
must be identical. The merging functions are compared with ``torch.cat``/``+``/``*``/``F.glu``
in values and gradients, and their shape rules with torch's over random shapes.
"""

import functools
import itertools
import operator
from collections import OrderedDict

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn

from nnref.layers.containers import (
    TinyModuleDict,
    TinyModuleList,
    TinyParameterDict,
    TinyParameterList,
    TinySequential,
    sequential_forward,
)
from nnref.layers.merging import (
    add,
    broadcast_shapes,
    concatenate,
    gated,
    glu,
    multiply,
    residual,
    sigmoid,
)
from nnref.layers.module import TinyLinear, TinyModule, TinyReLU

# --- the same network, built both ways ---------------------------------------------------


class TinyNet(TinyModule):
    def __init__(self, bias: bool = True) -> None:
        super().__init__()
        self.body = TinySequential(TinyLinear(4, 8, bias), TinyReLU(), TinyLinear(8, 3, bias))
        self.scale = nn.Parameter(torch.ones(3))
        self.register_buffer("mean", torch.zeros(4))
        self.steps = nn.Buffer(torch.tensor(0), persistent=False)
        self.head = TinyLinear(3, 2)
        self.note = torch.zeros(1)  # a plain attribute: registered nowhere

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x - self.mean) * self.scale)


class TorchNet(nn.Module):
    def __init__(self, bias: bool = True) -> None:
        super().__init__()
        self.body = nn.Sequential(nn.Linear(4, 8, bias), nn.ReLU(), nn.Linear(8, 3, bias))
        self.scale = nn.Parameter(torch.ones(3))
        self.register_buffer("mean", torch.zeros(4))
        self.steps = nn.Buffer(torch.tensor(0), persistent=False)
        self.head = nn.Linear(3, 2)
        self.note = torch.zeros(1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head(self.body(x - self.mean) * self.scale)


def names(pairs) -> list[str]:
    return [name for name, _ in pairs]


def both(bias: bool = True) -> tuple[TinyNet, TorchNet]:
    """The two networks with the same weights (torch's copied into ours)."""
    torch.manual_seed(0)
    ours, theirs = TinyNet(bias), TorchNet(bias)
    with torch.no_grad():
        theirs.mean.normal_()
    ours.load_state_dict(theirs.state_dict())
    return ours, theirs


@pytest.mark.parametrize("bias", [True, False], ids=["bias", "no-bias"])
def test_registration_names_and_order_equal_torch(bias):
    ours, theirs = both(bias)
    assert names(ours.named_parameters()) == names(theirs.named_parameters())
    assert names(ours.named_buffers()) == names(theirs.named_buffers()) == ["mean", "steps"]
    assert names(ours.named_modules()) == names(theirs.named_modules())
    assert names(ours.named_children()) == names(theirs.named_children())
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert "steps" not in ours.state_dict() and "note" not in ours.state_dict()
    assert list(ours._parameters) == list(theirs._parameters) == ["scale"]
    assert list(ours._modules) == list(theirs._modules) == ["body", "head"]
    assert names(ours.named_parameters(recurse=False)) == ["scale"]
    # Own parameters come before the children's, whatever the order of assignment.
    assert names(ours.named_parameters())[0] == "scale"


def test_loaded_network_equals_torch_in_values_gradients_and_state():
    ours, theirs = both()
    for (key, a), (_, b) in zip(
        ours.state_dict().items(), theirs.state_dict().items(), strict=True
    ):
        torch.testing.assert_close(a, b, rtol=0, atol=0, msg=key)
    x = torch.randn(5, 4)
    out_ours, out_theirs = ours(x), theirs(x)
    torch.testing.assert_close(out_ours, out_theirs)
    out_ours.square().sum().backward()
    out_theirs.square().sum().backward()
    for (name, p), (_, q) in zip(ours.named_parameters(), theirs.named_parameters(), strict=True):
        torch.testing.assert_close(p.grad, q.grad, msg=name)
    # And the other way round: torch loads our state dict.
    fresh = TorchNet()
    fresh.load_state_dict(ours.state_dict())
    torch.testing.assert_close(fresh(x), out_ours)


def test_state_dict_is_detached_unless_keep_vars():
    ours, _ = both()
    assert not ours.state_dict()["scale"].requires_grad
    assert ours.state_dict(keep_vars=True)["scale"] is ours.scale


def test_training_flags_follow_train_and_eval_like_torch():
    ours, theirs = both()
    steps = [
        lambda m: m.eval(),
        lambda m: m.body.train(),
        lambda m: m.body[0].eval(),
        lambda m: m.train(False),
        lambda m: m.train(),
    ]
    for step in steps:
        assert step(ours) is not None
        step(theirs)
        assert [m.training for m in ours.modules()] == [m.training for m in theirs.modules()]
    assert ours.eval() is ours


def _record_hooks(model, log):
    handles = []
    for name, module in model.named_modules():
        handles.append(
            module.register_forward_pre_hook(
                lambda m, args, name=name: log.append(("pre", name, tuple(args[0].shape)))
            )
        )
        handles.append(
            module.register_forward_hook(
                lambda m, args, out, name=name: log.append(("post", name, tuple(out.shape)))
            )
        )
    return handles


def test_forward_hooks_run_in_the_same_order_as_torch_and_can_be_removed():
    ours, theirs = both()
    log_ours, log_theirs = [], []
    handles_ours = _record_hooks(ours, log_ours)
    handles_theirs = _record_hooks(theirs, log_theirs)
    x = torch.randn(2, 4)
    ours(x)
    theirs(x)
    assert log_ours == log_theirs
    assert log_ours[0] == ("pre", "", (2, 4)) and log_ours[-1] == ("post", "", (2, 2))
    # forward() called directly skips the module's own hooks (the children's still run).
    log_ours.clear()
    log_theirs.clear()
    ours.forward(x)
    theirs.forward(x)
    assert log_ours == log_theirs and ("pre", "", (2, 4)) not in log_ours
    for handle in handles_ours + handles_theirs:
        handle.remove()
    handles_ours[0].remove()  # a second remove is harmless
    log_ours.clear()
    ours(x)
    assert log_ours == []


def test_hooks_can_replace_the_input_and_the_output():
    ours, theirs = both()
    x = torch.randn(3, 4)
    for model in (ours, theirs):
        model.body.register_forward_pre_hook(lambda m, args: args[0] * 0)  # not a tuple
        model.head.register_forward_hook(lambda m, args, out: out + 1)
    torch.testing.assert_close(ours(x), theirs(x))
    expected = (
        theirs.head.bias.detach()
        + theirs.head.weight.detach() @ (theirs.body(torch.zeros(4)) * theirs.scale).detach()
    )
    torch.testing.assert_close(ours(x), (expected + 1).expand(3, 2))


def test_shared_modules_are_listed_once_but_saved_under_every_name():
    def build(module_cls, linear_cls):
        model = module_cls()
        model.a = linear_cls(2, 2)
        model.b = model.a
        return model

    class TorchEmpty(nn.Module):
        pass

    ours, theirs = build(TinyModule, TinyLinear), build(TorchEmpty, nn.Linear)
    assert (
        names(ours.named_parameters())
        == names(theirs.named_parameters())
        == [
            "a.weight",
            "a.bias",
        ]
    )
    assert names(ours.named_modules()) == names(theirs.named_modules())
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert len(ours.state_dict()) == 4


def test_load_state_dict_reports_missing_and_unexpected_keys_like_torch():
    ours, theirs = both()
    state = theirs.state_dict()
    state.pop("body.0.bias")
    state["extra.weight"] = torch.zeros(1)
    result_ours = ours.load_state_dict(state, strict=False)
    result_theirs = theirs.load_state_dict(state, strict=False)
    assert result_ours.missing_keys == result_theirs.missing_keys == ["body.0.bias"]
    assert result_ours.unexpected_keys == result_theirs.unexpected_keys == ["extra.weight"]
    for model in (ours, theirs):
        with pytest.raises(RuntimeError, match="Missing key"):
            model.load_state_dict(state)
    # A shape mismatch is an error even with strict=False, in both.
    bad = theirs.state_dict()
    bad["head.weight"] = torch.zeros(5, 3)
    for model in (ours, theirs):
        with pytest.raises(RuntimeError, match="size mismatch"):
            model.load_state_dict(bad, strict=False)


def test_load_state_dict_copies_in_place_and_keeps_the_parameter_objects():
    ours, theirs = both()
    weight = ours.head.weight
    state = {k: torch.full_like(v, 0.5) for k, v in theirs.state_dict().items()}
    ours.load_state_dict(state)
    assert ours.head.weight is weight
    assert torch.all(ours.head.weight == 0.5) and torch.all(ours.mean == 0.5)


@pytest.mark.parametrize("set_to_none", [True, False])
def test_zero_grad_requires_grad_and_to_match_torch(set_to_none):
    ours, theirs = both()
    x = torch.randn(2, 4)
    for model in (ours, theirs):
        model(x).sum().backward()
        model.zero_grad(set_to_none=set_to_none)
    for p, q in zip(ours.parameters(), theirs.parameters(), strict=True):
        if set_to_none:
            assert p.grad is None and q.grad is None
        else:
            assert torch.equal(p.grad, torch.zeros_like(p)) and torch.equal(q.grad, p.grad)
    for model in (ours, theirs):
        model.requires_grad_(False)
    assert [p.requires_grad for p in ours.parameters()] == [False] * 7
    weight = ours.head.weight
    for model in (ours, theirs):
        model.to(torch.float64)
    assert ours.head.weight is weight  # same Parameter object, new data
    dtypes_ours = {k: v.dtype for k, v in ours.named_buffers()}
    dtypes_theirs = {k: v.dtype for k, v in theirs.named_buffers()}
    assert dtypes_ours == dtypes_theirs == {"mean": torch.float64, "steps": torch.int64}
    assert {p.dtype for p in ours.parameters()} == {torch.float64}


def test_apply_visits_children_first_like_torch():
    ours, theirs = both()
    seen_ours, seen_theirs = [], []
    ours.apply(lambda m: seen_ours.append(type(m).__name__))
    theirs.apply(lambda m: seen_theirs.append(type(m).__name__))
    assert [n.removeprefix("Tiny") for n in seen_ours] == [
        n.replace("Torch", "") for n in seen_theirs
    ]
    assert seen_ours[-1] == "TinyNet"


def test_assignment_semantics_match_torch():
    ours, theirs = both()
    for model in (ours, theirs):
        model.mean = torch.ones(4)  # assigning a tensor to a buffer name keeps it a buffer
        model.steps = torch.tensor(5)  # ... and keeps it non-persistent
        model.head.bias = None  # a parameter set to None is dropped from the lists
        model.extra = nn.Parameter(torch.zeros(2))
        del model.scale
    assert names(ours.named_buffers()) == names(theirs.named_buffers())
    assert list(ours.state_dict()) == list(theirs.state_dict())
    assert names(ours.named_parameters()) == names(theirs.named_parameters())
    assert "head.bias" not in ours.state_dict() and "extra" in ours.state_dict()
    for model in (ours, theirs):
        with pytest.raises(TypeError, match="parameter 'extra'"):
            model.extra = torch.zeros(2)  # a plain tensor cannot replace a parameter
        with pytest.raises(TypeError, match="'body'"):
            model.body = torch.zeros(2)


def test_a_plain_python_list_is_not_registered_like_in_torch():
    class TinyBroken(TinyModule):
        def __init__(self):
            super().__init__()
            self.blocks = [TinyLinear(2, 2)]

    class TorchBroken(nn.Module):
        def __init__(self):
            super().__init__()
            self.blocks = [nn.Linear(2, 2)]

    assert list(TinyBroken().parameters()) == [] == list(TorchBroken().parameters())
    assert TinyBroken().state_dict() == {} == TorchBroken().state_dict()


@pytest.mark.parametrize(
    ("action", "error", "match"),
    [
        (lambda m: m.register_buffer("a.b", torch.zeros(1)), KeyError, "contain no"),
        (lambda m: m.register_buffer("", torch.zeros(1)), KeyError, "non-empty"),
        (lambda m: m.register_buffer(3, torch.zeros(1)), TypeError, "buffer name"),
        (lambda m: m.register_buffer("b", [1.0]), TypeError, "tensor must be"),
        (lambda m: m.register_buffer("head", torch.zeros(1)), KeyError, "already exists"),
        (lambda m: m.register_parameter("p", torch.zeros(1)), TypeError, "param must be"),
        (lambda m: m.add_module("m", nn.Linear(1, 1)), TypeError, "module must be"),
        (lambda m: m.train("yes"), ValueError, "mode"),
        (lambda m: m.to(torch.int64), TypeError, "dtype"),
        (lambda m: m.register_forward_hook("hook"), TypeError, "hook must be callable"),
        (lambda m: m.load_state_dict([("a", 1)]), TypeError, "state_dict must be"),
        (lambda m: m.no_such_attribute, AttributeError, "no_such_attribute"),
    ],
)
def test_tiny_module_rejects_bad_arguments(action, error, match):
    ours, _ = both()
    with pytest.raises(error, match=match):
        action(ours)


def test_forward_must_be_defined_and_init_must_come_first():
    with pytest.raises(NotImplementedError, match="forward"):
        TinyModule()(torch.zeros(1))

    class Early(TinyModule):
        def __init__(self):
            self.weight = nn.Parameter(torch.zeros(1))  # before super().__init__()

    with pytest.raises(AttributeError, match="super"):
        Early()


layer_sizes = st.lists(st.integers(1, 6), min_size=2, max_size=6)


@settings(max_examples=30)
@given(sizes=layer_sizes, nest=st.booleans(), bias=st.booleans())
def test_random_architectures_have_the_names_and_outputs_of_torch(sizes, nest, bias):
    torch.manual_seed(0)
    ours_layers, torch_layers = [], []
    for n_in, n_out in itertools.pairwise(sizes):
        ours_layers += [TinyLinear(n_in, n_out, bias), TinyReLU()]
        torch_layers += [nn.Linear(n_in, n_out, bias), nn.ReLU()]
    ours, theirs = TinySequential(*ours_layers), nn.Sequential(*torch_layers)
    if nest:  # one more level: the tree gets deeper, names get a prefix
        ours, theirs = TinySequential(ours, TinyReLU()), nn.Sequential(theirs, nn.ReLU())
    assert names(ours.named_parameters()) == names(theirs.named_parameters())
    assert names(ours.named_modules()) == names(theirs.named_modules())
    ours.load_state_dict(theirs.state_dict())
    x = torch.randn(3, sizes[0])
    torch.testing.assert_close(ours(x), theirs(x))


# --- containers ----------------------------------------------------------------------------


def test_sequential_indexing_slicing_and_append_match_torch():
    torch.manual_seed(0)
    ours = TinySequential(TinyLinear(4, 8), TinyReLU(), TinyLinear(8, 3))
    theirs = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))
    ours.load_state_dict(theirs.state_dict())
    assert len(ours) == len(theirs) == 3
    assert ours[-1] is list(ours)[2] and ours[0] is ours._modules["0"]
    assert names(ours[1:].named_children()) == names(theirs[1:].named_children()) == ["1", "2"]
    assert names(ours[::2].named_parameters()) == names(theirs[::2].named_parameters())
    ours.append(TinyReLU())
    theirs.append(nn.ReLU())
    assert names(ours.named_children()) == names(theirs.named_children())
    for model in (ours, theirs):
        with pytest.raises(IndexError):
            model[7]
    with pytest.raises(TypeError, match="index must be"):
        ours["0"]
    x = torch.randn(2, 4)
    torch.testing.assert_close(ours(x), theirs(x))


def test_sequential_from_an_ordered_dict_uses_its_keys():
    ours = TinySequential(OrderedDict(hidden=TinyLinear(4, 8), act=TinyReLU()))
    theirs = nn.Sequential(OrderedDict(hidden=nn.Linear(4, 8), act=nn.ReLU()))
    assert names(ours.named_parameters()) == names(theirs.named_parameters())
    assert ours.hidden is ours[0]
    with pytest.raises(TypeError, match=r"modules\[1\]"):
        TinySequential(TinyReLU(), nn.ReLU())


def test_sequential_forward_equals_nn_sequential_in_values_and_gradients():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(3, 5), nn.Tanh(), nn.Linear(5, 2)).double()
    x = torch.randn(4, 3, dtype=torch.float64, requires_grad=True)
    ours = sequential_forward(x, list(model))
    torch.testing.assert_close(ours, model(x))
    (g_ours,) = torch.autograd.grad(ours.sum(), x)
    (g_theirs,) = torch.autograd.grad(model(x).sum(), x)
    torch.testing.assert_close(g_ours, g_theirs)
    assert sequential_forward(x, []) is x
    with pytest.raises(TypeError, match=r"layers\[1\] must be callable"):
        sequential_forward(x, [torch.relu, 3])
    with pytest.raises(TypeError, match="layers must be"):
        sequential_forward(x, torch.relu)


def test_module_list_and_dict_register_like_torch():
    ours_list = TinyModuleList([TinyLinear(2, 2), TinyReLU()])
    theirs_list = nn.ModuleList([nn.Linear(2, 2), nn.ReLU()])
    ours_list.extend([TinyLinear(2, 3)])
    theirs_list.extend([nn.Linear(2, 3)])
    ours_list.append(TinyLinear(3, 1))
    theirs_list.append(nn.Linear(3, 1))
    assert names(ours_list.named_parameters()) == names(theirs_list.named_parameters())
    # Slicing a ModuleList renumbers from "0" (a Sequential slice keeps the names).
    assert names(ours_list[2:].named_children()) == names(theirs_list[2:].named_children())
    assert len(ours_list) == 4 and ours_list[-1] is list(ours_list)[3]
    for container in (ours_list, theirs_list):
        with pytest.raises(NotImplementedError, match="forward"):
            container(torch.zeros(2))
    with pytest.raises(TypeError, match="single module"):
        ours_list.extend(TinyLinear(1, 1))

    ours_dict = TinyModuleDict({"z": TinyLinear(2, 2), "a": TinyLinear(2, 1)})
    theirs_dict = nn.ModuleDict({"z": nn.Linear(2, 2), "a": nn.Linear(2, 1)})
    assert ours_dict.keys() == list(theirs_dict.keys()) == ["z", "a"]  # insertion order
    assert names(ours_dict.named_parameters()) == names(theirs_dict.named_parameters())
    assert "a" in ours_dict and "b" not in ours_dict and len(ours_dict) == 2
    assert ours_dict["a"] is ours_dict._modules["a"]
    with pytest.raises(TypeError, match=r"modules\['x'\]"):
        ours_dict["x"] = nn.ReLU()


def test_parameter_list_and_dict_wrap_tensors_like_torch():
    tensors = [torch.zeros(2), nn.Parameter(torch.ones(3))]
    ours, theirs = TinyParameterList(tensors), nn.ParameterList(tensors)
    ours.append(torch.ones(1))
    theirs.append(torch.ones(1))
    assert names(ours.named_parameters()) == names(theirs.named_parameters()) == ["0", "1", "2"]
    assert all(isinstance(p, nn.Parameter) and p.requires_grad for p in ours)
    assert ours[1] is tensors[1] and ours[-1] is list(ours)[2] and len(ours) == 3
    with pytest.raises(TypeError, match=r"values\[0\]"):
        TinyParameterList([[1.0]])

    values = {"scale": torch.ones(2), "shift": torch.zeros(2)}
    ours_dict, theirs_dict = TinyParameterDict(values), nn.ParameterDict(values)
    ours_dict["gate"] = torch.zeros(2)
    theirs_dict["gate"] = torch.zeros(2)
    assert names(ours_dict.named_parameters()) == names(theirs_dict.named_parameters())
    assert ours_dict.keys() == list(theirs_dict.keys())
    assert isinstance(ours_dict["scale"], nn.Parameter) and "gate" in ours_dict
    assert len(ours_dict) == 3


def test_containers_nested_in_a_model_give_torch_names():
    class Ours(TinyModule):
        def __init__(self):
            super().__init__()
            self.blocks = TinyModuleList([TinyLinear(2, 2) for _ in range(2)])
            self.heads = TinyModuleDict({"y": TinyLinear(2, 1)})
            self.extra = TinyParameterDict({"t": torch.ones(1)})

    class Theirs(nn.Module):
        def __init__(self):
            super().__init__()
            self.blocks = nn.ModuleList([nn.Linear(2, 2) for _ in range(2)])
            self.heads = nn.ModuleDict({"y": nn.Linear(2, 1)})
            self.extra = nn.ParameterDict({"t": torch.ones(1)})

    assert list(Ours().state_dict()) == list(Theirs().state_dict())
    assert names(Ours().named_modules()) == names(Theirs().named_modules())


# --- merging --------------------------------------------------------------------------------

CAT_CASES = [
    ([(2, 3), (2, 5)], 1),
    ([(2, 3, 4, 4), (2, 5, 4, 4), (2, 1, 4, 4)], 1),
    ([(1, 3), (4, 3)], 0),
    ([(2, 3, 4), (2, 3, 2)], -1),
    ([(5,)], 0),
    ([(2, 0, 3), (2, 4, 3)], 1),
]


@pytest.mark.parametrize(("shapes", "dim"), CAT_CASES, ids=str)
def test_concatenate_matches_torch_cat_values_and_gradients(shapes, dim):
    torch.manual_seed(0)
    inputs = [torch.randn(s, dtype=torch.float64, requires_grad=True) for s in shapes]
    ours, theirs = concatenate(inputs, dim), torch.cat(inputs, dim)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=0)
    upstream = torch.randn_like(ours)
    grads_ours = torch.autograd.grad(ours, inputs, upstream)
    grads_theirs = torch.autograd.grad(theirs, inputs, upstream)
    for g_ours, g_theirs in zip(grads_ours, grads_theirs, strict=True):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(lambda *t: concatenate(list(t), dim), tuple(inputs))


@st.composite
def cat_inputs(draw):
    ndim = draw(st.integers(1, 4))
    base = draw(st.lists(st.integers(1, 4), min_size=ndim, max_size=ndim))
    dim = draw(st.integers(-ndim, ndim - 1))
    count = draw(st.integers(1, 4))
    shapes = []
    for _ in range(count):
        shape = list(base)
        shape[dim] = draw(st.integers(0, 4))
        shapes.append(tuple(shape))
    return shapes, dim


@settings(max_examples=40)
@given(case=cat_inputs())
def test_concatenate_shapes_over_random_inputs(case):
    shapes, dim = case
    inputs = [torch.randn(shape) for shape in shapes]
    ours = concatenate(inputs, dim)
    assert ours.shape == torch.cat(inputs, dim).shape
    assert ours.shape[dim] == sum(s[dim] for s in shapes)
    torch.testing.assert_close(ours, torch.cat(inputs, dim), rtol=0, atol=0)


@st.composite
def shape_pairs(draw):
    """Two shapes that may or may not broadcast: each aligned size is equal, 1, or random."""
    first = draw(st.lists(st.integers(1, 4), max_size=4))
    length = draw(st.integers(0, 4))
    second = []
    for offset in range(length):
        position = len(first) - length + offset
        kind = draw(st.sampled_from(["same", "one", "any"]))
        if kind == "same" and position >= 0:
            second.append(first[position])
        elif kind == "one":
            second.append(1)
        else:
            second.append(draw(st.integers(1, 4)))
    return tuple(first), tuple(second)


@settings(max_examples=50)
@given(pair=shape_pairs())
def test_broadcast_rules_equal_torch_over_random_shapes(pair):
    first, second = pair
    try:
        expected = torch.broadcast_shapes(first, second)
    except RuntimeError:
        with pytest.raises(ValueError, match=r"shapes\[1\]"):
            broadcast_shapes(first, second)
        with pytest.raises(ValueError, match="does not broadcast"):
            add([torch.zeros(first), torch.zeros(second)])
        return
    assert broadcast_shapes(first, second) == expected
    a, b = torch.randn(first), torch.randn(second)
    torch.testing.assert_close(add([a, b]), a + b)
    torch.testing.assert_close(multiply([a, b]), a * b)


@pytest.mark.parametrize(
    "shapes", [[(2, 3)] * 2, [(2, 3), (3,)], [(4, 1), (4,)], [(2, 1, 3), (5, 1), (3,)]], ids=str
)
def test_add_and_multiply_match_torch_values_and_gradients(shapes):
    torch.manual_seed(0)
    inputs = [torch.randn(s, dtype=torch.float64, requires_grad=True) for s in shapes]
    for ours_fn, op in ((add, operator.add), (multiply, operator.mul)):
        ours, theirs = ours_fn(inputs), functools.reduce(op, inputs)
        torch.testing.assert_close(ours, theirs)
        upstream = torch.randn_like(ours)
        for g_ours, g_theirs in zip(
            torch.autograd.grad(ours, inputs, upstream),
            torch.autograd.grad(theirs, inputs, upstream),
            strict=True,
        ):
            torch.testing.assert_close(g_ours, g_theirs)
        assert torch.autograd.gradcheck(lambda *t, f=ours_fn: f(list(t)), tuple(inputs))


def test_residual_values_gradients_and_identity_jacobian():
    torch.manual_seed(0)
    block = nn.Sequential(nn.Linear(4, 4), nn.Tanh(), nn.Linear(4, 4)).double()
    x = torch.randn(3, 4, dtype=torch.float64, requires_grad=True)
    ours, theirs = residual(x, block), x + block(x)
    torch.testing.assert_close(ours, theirs)
    params = [x, *block.parameters()]
    for g_ours, g_theirs in zip(
        torch.autograd.grad(ours.sum(), params),
        torch.autograd.grad(theirs.sum(), params),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)
    assert torch.autograd.gradcheck(lambda t: residual(t, block), (x,))
    # dy/dx = I + dF/dx: with F = 0 the gradient is exactly the identity.
    linear = nn.Linear(4, 4).double()
    v = torch.randn(4, dtype=torch.float64)
    jacobian = torch.autograd.functional.jacobian(lambda t: residual(t, linear), v)
    torch.testing.assert_close(jacobian, torch.eye(4, dtype=torch.float64) + linear.weight)
    nn.init.zeros_(linear.weight)
    jacobian = torch.autograd.functional.jacobian(lambda t: residual(t, linear), v)
    torch.testing.assert_close(jacobian, torch.eye(4, dtype=torch.float64))


@pytest.mark.parametrize(("shape", "dim"), [((2, 6), -1), ((4, 3), 0), ((2, 4, 5), 1)], ids=str)
def test_glu_and_gating_match_torch(shape, dim):
    torch.manual_seed(0)
    x = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    torch.testing.assert_close(glu(x, dim), nn.functional.glu(x, dim))
    assert torch.autograd.gradcheck(lambda t: glu(t, dim), (x,))
    g = torch.randn(shape, dtype=torch.float64, requires_grad=True)
    torch.testing.assert_close(gated(x, g), x * torch.sigmoid(g))
    assert torch.autograd.gradcheck(gated, (x, g))
    big = torch.tensor([-800.0, 0.0, 800.0], dtype=torch.float64)
    torch.testing.assert_close(sigmoid(big), torch.sigmoid(big))  # no overflow to nan


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (
            lambda: concatenate([torch.zeros(2, 3), torch.zeros(3, 3)], 1),
            ValueError,
            r"inputs\[1\]",
        ),
        (lambda: concatenate([torch.zeros(2, 3), torch.zeros(2)], 0), ValueError, "dimensions"),
        (lambda: concatenate([torch.zeros(2, 3)], 2), ValueError, "dim=2"),
        (lambda: concatenate([torch.zeros(2, 3)], 1.0), TypeError, "dim must be an int"),
        (lambda: concatenate([torch.tensor(1.0)], 0), ValueError, "0-d"),
        (lambda: concatenate(torch.zeros(2, 3), 0), TypeError, "inputs must be a list"),
        (lambda: concatenate([], 0), ValueError, "at least one"),
        (lambda: concatenate([torch.zeros(2), [1.0]], 0), TypeError, r"inputs\[1\]"),
        (
            lambda: concatenate([torch.zeros(2), torch.zeros(2, dtype=torch.int64)], 0),
            TypeError,
            r"inputs\[1\] has dtype",
        ),
        (lambda: add([torch.zeros(2, 3), torch.zeros(4)]), ValueError, "dimension -1"),
        (lambda: broadcast_shapes((2, -1)), ValueError, r"shapes\[0\]"),
        (lambda: residual(torch.zeros(2, 4), nn.Linear(4, 3)), ValueError, r"block\(input\)"),
        (lambda: residual(torch.zeros(2, 4), "block"), TypeError, "block must be callable"),
        (lambda: residual([0.0], torch.relu), TypeError, "input must be"),
        (lambda: glu(torch.zeros(2, 5)), ValueError, "even size"),
        (lambda: glu(torch.zeros(2, 4), dim=2), ValueError, "dim=2"),
        (lambda: glu(torch.zeros(2, 4, dtype=torch.int64)), TypeError, "floating-point"),
        (lambda: gated(torch.zeros(2), torch.zeros(2, dtype=torch.int64)), TypeError, "gate"),
    ],
)
def test_merging_functions_reject_bad_arguments(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_torch_fails_where_the_from_scratch_functions_fail():
    # The shapes rejected above are rejected by torch too (with RuntimeError).
    with pytest.raises(RuntimeError, match="Sizes of tensors must match"):
        torch.cat([torch.zeros(2, 3), torch.zeros(3, 3)], 1)
    with pytest.raises(RuntimeError):
        torch.zeros(2, 3) + torch.zeros(4)
    with pytest.raises(RuntimeError, match="even"):
        nn.functional.glu(torch.zeros(2, 5))
