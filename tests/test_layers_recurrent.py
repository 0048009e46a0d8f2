"""nnref.layers.rnn / lstm / gru / recurrent against torch.nn.RNN, LSTM, GRU and their cells."""

import itertools

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from nnref.figures.recurrent import _gradient_norms_rnn
from nnref.layers.gru import gru, gru_cell
from nnref.layers.lstm import lstm, lstm_cell
from nnref.layers.recurrent import (
    pack_padded,
    parameter_names,
    recurrent_parameter_count,
    recurrent_parameters,
)
from nnref.layers.rnn import rnn, rnn_cell

DOUBLE = torch.float64
MODULES = {"RNN": nn.RNN, "LSTM": nn.LSTM, "GRU": nn.GRU}


def _module(mode, input_size=3, hidden_size=4, **kwargs):
    torch.manual_seed(0)
    return MODULES[mode](input_size, hidden_size, **kwargs).to(DOUBLE)


def _ours(mode, module, x, hx=None, lengths=None):
    params = dict(module.named_parameters())
    kwargs = {"batch_first": module.batch_first, "lengths": lengths}
    if mode == "RNN":
        return rnn(x, params, hx, nonlinearity=module.nonlinearity, **kwargs)
    return (lstm if mode == "LSTM" else gru)(x, params, hx, **kwargs)


def _initial_state(mode, module, batch, batched=True):
    directions = 2 if module.bidirectional else 1
    layers = directions * module.num_layers
    h_size = module.proj_size or module.hidden_size
    lead = (layers, batch) if batched else (layers,)
    h0 = torch.randn(*lead, h_size, dtype=DOUBLE)
    if mode == "LSTM":
        return h0, torch.randn(*lead, module.hidden_size, dtype=DOUBLE)
    return h0


def _configurations():
    for mode, layers, bidirectional, batch_first in itertools.product(
        MODULES, (1, 2), (False, True), (False, True)
    ):
        yield (
            mode,
            {"num_layers": layers, "bidirectional": bidirectional, "batch_first": batch_first},
        )
    yield "RNN", {"nonlinearity": "relu", "num_layers": 2}
    yield "RNN", {"nonlinearity": "relu", "bidirectional": True, "batch_first": True}
    yield "LSTM", {"proj_size": 2}
    yield "LSTM", {"proj_size": 3, "num_layers": 2, "bidirectional": True, "batch_first": True}
    for mode in MODULES:
        yield mode, {"bias": False, "num_layers": 2, "bidirectional": True}


CONFIGURATIONS = list(_configurations())
IDS = [f"{mode}-{'-'.join(f'{k}={v}' for k, v in kw.items())}" for mode, kw in CONFIGURATIONS]


@pytest.mark.parametrize(("mode", "kwargs"), CONFIGURATIONS, ids=IDS)
@pytest.mark.parametrize("with_state", [False, True], ids=["zeros", "h0"])
def test_sequence_runner_matches_torch_outputs_and_states(mode, kwargs, with_state):
    module = _module(mode, **kwargs)
    x = torch.randn(2, 5, 3, dtype=DOUBLE)  # (N, L) or (L, N): both are valid
    batch = x.shape[0] if module.batch_first else x.shape[1]
    hx = _initial_state(mode, module, batch) if with_state else None
    output, state = _ours(mode, module, x, hx)
    expected_output, expected_state = module(x, hx)
    torch.testing.assert_close(output, expected_output)
    torch.testing.assert_close(state, expected_state)


@pytest.mark.parametrize(("mode", "kwargs"), CONFIGURATIONS[::3], ids=IDS[::3])
def test_unbatched_input_matches_torch(mode, kwargs):
    module = _module(mode, **kwargs)
    x = torch.randn(4, 3, dtype=DOUBLE)  # (L, H_in): batch_first does not apply
    hx = _initial_state(mode, module, batch=None, batched=False)
    for state in (None, hx):
        output, final = _ours(mode, module, x, state)
        expected_output, expected_final = module(x, state)
        torch.testing.assert_close(output, expected_output)
        torch.testing.assert_close(final, expected_final)


@pytest.mark.parametrize("mode", list(MODULES))
def test_eval_mode_ignores_dropout_between_layers(mode):
    module = _module(mode, num_layers=2, dropout=0.5).eval()
    x = torch.randn(5, 2, 3, dtype=DOUBLE)
    output, state = _ours(mode, module, x)
    expected_output, expected_state = module(x)
    torch.testing.assert_close(output, expected_output)
    torch.testing.assert_close(state, expected_state)


@pytest.mark.parametrize(
    ("mode", "kwargs"),
    [
        ("RNN", {"num_layers": 2, "bidirectional": True}),
        ("RNN", {"nonlinearity": "relu", "batch_first": True}),
        ("LSTM", {"num_layers": 2, "bidirectional": True, "proj_size": 2}),
        ("GRU", {"num_layers": 2, "bidirectional": True, "batch_first": True}),
    ],
    ids=str,
)
def test_sequence_gradients_match_torch(mode, kwargs):
    module = _module(mode, **kwargs)
    x = torch.randn(2, 4, 3, dtype=DOUBLE, requires_grad=True)
    batch = 2 if module.batch_first else 4
    hx = _initial_state(mode, module, batch)
    states = list(hx) if mode == "LSTM" else [hx]
    for state in states:
        state.requires_grad_()
    params = list(module.parameters())
    inputs = [x, *states, *params]

    def loss(output, final):
        finals = final if isinstance(final, tuple) else (final,)
        return (output * torch.linspace(-1, 1, output.shape[-1], dtype=DOUBLE)).sum() + sum(
            (f**2).sum() for f in finals
        )

    ours = torch.autograd.grad(loss(*_ours(mode, module, x, hx)), inputs)
    theirs = torch.autograd.grad(loss(*module(x, hx)), inputs)
    for g_ours, g_theirs in zip(ours, theirs, strict=True):
        torch.testing.assert_close(g_ours, g_theirs)


@pytest.mark.parametrize("mode", list(MODULES))
def test_sequence_runner_passes_gradcheck(mode):
    kwargs = {"proj_size": 1} if mode == "LSTM" else {}
    module = _module(mode, input_size=2, hidden_size=2, bidirectional=True, **kwargs)
    names = [name for name, _ in module.named_parameters()]
    x = torch.randn(3, 2, 2, dtype=DOUBLE, requires_grad=True)
    params = [p.detach().clone().requires_grad_() for p in module.parameters()]

    def run(x, *values):
        output, final = _ours(mode, _Params(module, dict(zip(names, values, strict=True))), x)
        return output, *(final if isinstance(final, tuple) else (final,))

    assert torch.autograd.gradcheck(run, (x, *params))


class _Params:
    """A stand-in module: torch's attributes with replaced parameters (for gradcheck)."""

    def __init__(self, module, params):
        self._module, self._params = module, params

    def named_parameters(self):
        return self._params.items()

    def __getattr__(self, name):
        return getattr(self._module, name)


# --- cells -----------------------------------------------------------------------------------


def _cell(kind, bias=True, **kwargs):
    torch.manual_seed(1)
    module = {"RNN": nn.RNNCell, "LSTM": nn.LSTMCell, "GRU": nn.GRUCell}[kind]
    return module(3, 4, bias=bias, **kwargs).to(DOUBLE)


def _cell_ours(kind, cell, x, hx):
    weights = (cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh)
    if kind == "RNN":
        return rnn_cell(x, hx, *weights, nonlinearity=cell.nonlinearity)
    return (lstm_cell if kind == "LSTM" else gru_cell)(x, hx, *weights)


CELLS = [("RNN", {}), ("RNN", {"nonlinearity": "relu"}), ("LSTM", {}), ("GRU", {})]


@pytest.mark.parametrize(("kind", "kwargs"), CELLS, ids=str)
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("batched", [True, False])
@pytest.mark.parametrize("with_state", [True, False])
def test_cells_match_torch_values_and_gradients(kind, kwargs, bias, batched, with_state):
    cell = _cell(kind, bias, **kwargs)
    lead = (5,) if batched else ()
    x = torch.randn(*lead, 3, dtype=DOUBLE, requires_grad=True)
    hx = None
    if with_state:
        h = torch.randn(*lead, 4, dtype=DOUBLE, requires_grad=True)
        c = torch.randn(*lead, 4, dtype=DOUBLE, requires_grad=True)
        hx = (h, c) if kind == "LSTM" else h
    ours, theirs = _cell_ours(kind, cell, x, hx), cell(x, hx)
    torch.testing.assert_close(ours, theirs)
    ours_flat = torch.cat([t.flatten() for t in (ours if kind == "LSTM" else (ours,))])
    theirs_flat = torch.cat([t.flatten() for t in (theirs if kind == "LSTM" else (theirs,))])
    weights = torch.linspace(-1, 1, ours_flat.numel(), dtype=DOUBLE)
    inputs = [x, *cell.parameters()] + ([] if hx is None else list(hx if kind == "LSTM" else [hx]))
    for g_ours, g_theirs in zip(
        torch.autograd.grad((ours_flat * weights).sum(), inputs),
        torch.autograd.grad((theirs_flat * weights).sum(), inputs),
        strict=True,
    ):
        torch.testing.assert_close(g_ours, g_theirs)


@pytest.mark.parametrize(("kind", "kwargs"), CELLS, ids=str)
def test_cells_pass_gradcheck(kind, kwargs):
    cell = _cell(kind, **kwargs)
    x = torch.randn(2, 3, dtype=DOUBLE, requires_grad=True)
    h = torch.randn(2, 4, dtype=DOUBLE, requires_grad=True)
    c = torch.randn(2, 4, dtype=DOUBLE, requires_grad=True)
    params = [p.detach().clone().requires_grad_() for p in cell.parameters()]
    if kind == "LSTM":
        assert torch.autograd.gradcheck(
            lambda x, h, c, *w: lstm_cell(x, (h, c), *w), (x, h, c, *params)
        )
    elif kind == "GRU":
        assert torch.autograd.gradcheck(gru_cell, (x, h, *params))
    else:
        nonlinearity = kwargs.get("nonlinearity", "tanh")
        assert torch.autograd.gradcheck(
            lambda x, h, *w: rnn_cell(x, h, *w, nonlinearity=nonlinearity), (x, h, *params)
        )


def test_lstm_cell_with_projection_is_one_step_of_a_projected_lstm():
    module = _module("LSTM", proj_size=2)
    x = torch.randn(1, 3, 3, dtype=DOUBLE)
    h, c = lstm_cell(
        x[0],
        None,
        module.weight_ih_l0,
        module.weight_hh_l0,
        module.bias_ih_l0,
        module.bias_hh_l0,
        module.weight_hr_l0,
    )
    _, (h_n, c_n) = module(x)
    torch.testing.assert_close(h, h_n[0])
    torch.testing.assert_close(c, c_n[0])


# --- packed sequences ------------------------------------------------------------------------

PACKED = [
    ("RNN", {}, [5, 3, 1], True),
    ("RNN", {"bidirectional": True, "batch_first": True}, [2, 5, 4], False),
    ("LSTM", {"num_layers": 2, "bidirectional": True}, [3, 5, 1, 5], False),
    ("LSTM", {"proj_size": 2, "batch_first": True}, [5, 4, 2], True),
    ("GRU", {"num_layers": 2, "bidirectional": True, "batch_first": True}, [1, 5, 3], False),
]


@pytest.mark.parametrize(("mode", "kwargs", "lengths", "enforce_sorted"), PACKED, ids=str)
def test_lengths_give_what_a_packed_sequence_gives(mode, kwargs, lengths, enforce_sorted):
    module = _module(mode, **kwargs)
    batch, steps = len(lengths), max(lengths)
    shape = (batch, steps, 3) if module.batch_first else (steps, batch, 3)
    x = torch.randn(shape, dtype=DOUBLE)
    hx = _initial_state(mode, module, batch)
    packed = pack_padded_sequence(x, lengths, module.batch_first, enforce_sorted)
    packed_output, expected_state = module(packed, hx)
    expected, _ = pad_packed_sequence(packed_output, module.batch_first, total_length=steps)
    output, state = _ours(mode, module, x, hx, lengths=torch.tensor(lengths))
    torch.testing.assert_close(output, expected)
    torch.testing.assert_close(state, expected_state)
    # ... and each sequence's final state is that of the sequence run alone.
    for index, length in enumerate(lengths):
        alone = x[index, :length] if module.batch_first else x[:length, index]
        own = tuple(h[:, index : index + 1] for h in hx) if mode == "LSTM" else hx[:, [index]]
        _, final = _ours(mode, module, alone.unsqueeze(0 if module.batch_first else 1), own)
        finals = state if isinstance(state, tuple) else (state,)
        for ours_final, alone_final in zip(
            finals, final if isinstance(final, tuple) else (final,), strict=True
        ):
            torch.testing.assert_close(ours_final[:, index], alone_final[:, 0])


@pytest.mark.parametrize(
    ("lengths", "batch_first", "enforce_sorted"),
    [([4, 4, 2, 1], False, True), ([2, 4, 1, 3], True, False), ([3], False, True)],
    ids=str,
)
def test_pack_padded_matches_torch_fields(lengths, batch_first, enforce_sorted):
    steps, batch = max(lengths), len(lengths)
    x = torch.randn((batch, steps, 2) if batch_first else (steps, batch, 2))
    ours = pack_padded(x, lengths, batch_first, enforce_sorted)
    theirs = pack_padded_sequence(x, lengths, batch_first, enforce_sorted)
    for mine, torch_field in zip(ours, theirs, strict=True):
        if torch_field is None:
            assert mine is None
        else:
            torch.testing.assert_close(mine, torch_field, rtol=0, atol=0)


# --- parameters ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "kwargs"),
    [
        ("RNN", {}),
        ("RNN", {"num_layers": 2, "bidirectional": True, "bias": False}),
        ("LSTM", {"num_layers": 2, "proj_size": 2}),
        ("LSTM", {"bidirectional": True}),
        ("GRU", {"num_layers": 3, "bidirectional": True}),
    ],
    ids=str,
)
def test_default_parameters_and_count_match_torch(mode, kwargs):
    torch.manual_seed(7)
    ours = recurrent_parameters(mode, 3, 5, **kwargs)
    torch.manual_seed(7)
    module = MODULES[mode](3, 5, **kwargs)
    theirs = dict(module.named_parameters())
    assert (
        list(ours)
        == list(theirs)
        == parameter_names(
            kwargs.get("num_layers", 1),
            kwargs.get("bias", True),
            kwargs.get("bidirectional", False),
            kwargs.get("proj_size", 0),
        )
    )
    for name, tensor in ours.items():
        torch.testing.assert_close(tensor, theirs[name].detach(), rtol=0, atol=0)
    expected = sum(p.numel() for p in module.parameters())
    assert recurrent_parameter_count(mode, 3, 5, **kwargs) == expected


def test_parameter_counts_of_the_pages():
    # docs/*/layers/gru.md and lstm.md: RNN : GRU : LSTM = 1 : 3 : 4, and the printed numbers.
    counts = [recurrent_parameter_count(mode, 32, 64) for mode in ("RNN", "GRU", "LSTM")]
    assert counts == [6272, 3 * 6272, 4 * 6272]
    assert recurrent_parameter_count("LSTM", 32, 64, proj_size=16) == 13824
    assert recurrent_parameter_count("LSTM", 3, 4) == 144
    assert recurrent_parameter_count("RNN", 3, 4, num_layers=2) == 76


# --- shapes over random configurations -------------------------------------------------------


@settings(max_examples=40)
@given(
    mode=st.sampled_from(sorted(MODULES)),
    input_size=st.integers(1, 4),
    hidden_size=st.integers(2, 5),
    num_layers=st.integers(1, 2),
    bidirectional=st.booleans(),
    batch_first=st.booleans(),
    steps=st.integers(1, 4),
    batch=st.one_of(st.none(), st.integers(1, 3)),
    project=st.booleans(),
)
def test_output_shapes_over_random_configurations(
    mode, input_size, hidden_size, num_layers, bidirectional, batch_first, steps, batch, project
):
    proj_size = hidden_size - 1 if project and mode == "LSTM" else 0
    kwargs = {"num_layers": num_layers, "bidirectional": bidirectional, "batch_first": batch_first}
    if proj_size:
        kwargs["proj_size"] = proj_size
    module = _module(mode, input_size, hidden_size, **kwargs)
    if batch is None:
        x = torch.randn(steps, input_size, dtype=DOUBLE)
    else:
        x = torch.randn(
            (batch, steps, input_size) if batch_first else (steps, batch, input_size), dtype=DOUBLE
        )
    output, state = _ours(mode, module, x)
    expected_output, expected_state = module(x)
    directions = 2 if bidirectional else 1
    h_out = proj_size or hidden_size
    lead = x.shape[:-1]
    assert output.shape == expected_output.shape == (*lead, directions * h_out)
    middle = () if batch is None else (batch,)
    states = state if mode == "LSTM" else (state,)
    expected_states = expected_state if mode == "LSTM" else (expected_state,)
    sizes = (h_out, hidden_size) if mode == "LSTM" else (h_out,)
    for ours, theirs, size in zip(states, expected_states, sizes, strict=True):
        assert ours.shape == theirs.shape == (directions * num_layers, *middle, size)
    torch.testing.assert_close(output, expected_output)


# --- the figures' claims ---------------------------------------------------------------------


def test_gradient_norms_vanish_for_small_and_explode_for_large_recurrent_weights():
    torch.manual_seed(0)
    inputs = torch.randn(60, 8)
    small, large = _gradient_norms_rnn(0.5, inputs), _gradient_norms_rnn(3.0, inputs)
    assert small[0] < 1e-12 * small[-1]  # vanishing: dL/dh_1 is negligible next to dL/dh_T
    assert large[0] > 1e4 * large[-1]  # exploding: it grows going back in time


# --- bad arguments ---------------------------------------------------------------------------


def _params(mode="RNN", **kwargs):
    return dict(_module(mode, **kwargs).named_parameters())


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: rnn(torch.randn(5, 2, 4), _params()), ValueError, "input_size=3"),
        (lambda: rnn(torch.randn(5, 2, 3), _params(), torch.zeros(1, 3, 4)), ValueError, "hx"),
        (lambda: gru(torch.randn(5, 3), _params("GRU"), torch.zeros(1, 2, 4)), ValueError, "hx"),
        (
            lambda: lstm(torch.randn(5, 2, 3), _params("LSTM"), torch.zeros(1, 2, 4)),
            TypeError,
            "hx",
        ),
        (
            lambda: lstm(
                torch.randn(5, 2, 3),
                _params("LSTM", proj_size=2),
                (torch.zeros(1, 2, 4), torch.zeros(1, 2, 4)),
            ),
            ValueError,
            r"hx\[0\]",
        ),
        (
            lambda: lstm(
                torch.randn(5, 2, 3), _params("LSTM"), (torch.zeros(1, 2, 4), torch.zeros(1, 2, 3))
            ),
            ValueError,
            r"hx\[1\]",
        ),
        (lambda: rnn(torch.randn(2, 5, 2, 3), _params()), ValueError, "input must be 2-D"),
        (lambda: rnn(torch.ones(5, 2, 3, dtype=torch.long), _params()), TypeError, "input"),
        (
            lambda: rnn(torch.randn(5, 2, 3), _params(), nonlinearity="sigmoid"),
            ValueError,
            "nonlinearity",
        ),
        (lambda: rnn(torch.randn(5, 2, 3), [1, 2]), TypeError, "params"),
        (lambda: rnn(torch.randn(5, 2, 3), {}), ValueError, "weight_ih_l0"),
        (lambda: gru(torch.randn(5, 2, 3), _params()), ValueError, "params"),
        (lambda: rnn(torch.randn(5, 2, 3), _params(), lengths=[5, 6]), ValueError, "lengths"),
        (lambda: rnn(torch.randn(5, 2, 3), _params(), lengths=[5]), ValueError, "lengths"),
        (lambda: rnn(torch.randn(5, 2, 3), _params(), lengths=[2.0, 1.0]), TypeError, "lengths"),
        (lambda: pack_padded(torch.randn(5, 2, 3), [2, 5]), ValueError, "enforce_sorted"),
        (lambda: recurrent_parameters("LSTM", 3, 4, proj_size=4), ValueError, "proj_size"),
        (lambda: recurrent_parameters("GRU", 3, 4, proj_size=2), ValueError, "proj_size"),
        (lambda: recurrent_parameters("RNN", 0, 4), ValueError, "input_size"),
        (lambda: recurrent_parameters("CNN", 3, 4), ValueError, "mode"),
        (
            lambda: lstm_cell(
                torch.randn(3),
                None,
                torch.randn(16, 3),
                torch.randn(16, 4),
                weight_hr=torch.randn(4, 4),
            ),
            ValueError,
            "proj_size",
        ),
        (
            lambda: rnn_cell(torch.randn(2, 5), None, torch.randn(4, 3), torch.randn(4, 4)),
            ValueError,
            "input_size=3",
        ),
        (
            lambda: rnn_cell(
                torch.randn(2, 3), torch.randn(3, 4), torch.randn(4, 3), torch.randn(4, 4)
            ),
            ValueError,
            "hx",
        ),
        (
            lambda: gru_cell(torch.randn(2, 3), None, torch.randn(10, 3), torch.randn(10, 4)),
            ValueError,
            "weight_ih",
        ),
        (
            lambda: lstm_cell(
                torch.randn(2, 3), torch.randn(2, 4), torch.randn(16, 3), torch.randn(16, 4)
            ),
            TypeError,
            "hx",
        ),
    ],
)
def test_bad_arguments_raise_errors_naming_the_argument(call, error, match):
    with pytest.raises(error, match=match):
        call()


def test_projected_params_with_proj_size_not_below_hidden_size_are_rejected():
    params = _params("LSTM", proj_size=2)
    params["weight_hr_l0"] = torch.randn(4, 4, dtype=DOUBLE)
    with pytest.raises(ValueError, match="proj_size"):
        lstm(torch.randn(5, 2, 3, dtype=DOUBLE), params)
