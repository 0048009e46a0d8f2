"""The vanishing/exploding-gradient experiment of the history page, checked against autograd."""

import math
from pathlib import Path

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.deep_signal import (
    ACTIVATIONS,
    as_sequential,
    gradient_norms,
    init_std,
    init_weights,
    signal_experiment,
)
from nnref.figures.history import ILSVRC_TOP5_ERROR, ILSVRC_TOP5_ERROR_EXTRA_DATA

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _autograd_norms(x, weights, activation):
    model = as_sequential(weights, activation)
    out = model(x)
    (out.pow(2).sum() / (2 * len(x))).backward()
    return torch.stack([m.weight.grad.norm() for m in model if hasattr(m, "weight")])


@settings(max_examples=30)
@given(
    st.sampled_from(ACTIVATIONS),
    st.sampled_from(["normal", "xavier", "kaiming"]),
    st.integers(1, 8),
    st.integers(1, 12),
    st.integers(1, 6),
)
def test_hand_gradients_equal_autograd(activation, scheme, depth, width, batch):
    generator = torch.Generator().manual_seed(depth * 100 + width * 10 + batch)
    x = torch.randn(batch, width, generator=generator, dtype=torch.float64)
    weights = init_weights(depth, width, scheme, generator=generator)
    ours = gradient_norms(x, weights, activation)
    assert ours.shape == (depth,)
    torch.testing.assert_close(ours, _autograd_norms(x, weights, activation))


@pytest.mark.parametrize(
    ("scheme", "init"),
    [
        ("normal", lambda w, g: torch.nn.init.normal_(w, generator=g)),
        ("xavier", lambda w, g: torch.nn.init.xavier_normal_(w, generator=g)),
        (
            "kaiming",
            lambda w, g: torch.nn.init.kaiming_normal_(w, nonlinearity="relu", generator=g),
        ),
    ],
)
def test_init_weights_draws_exactly_what_torch_init_draws(scheme, init):
    ours = init_weights(3, 7, scheme, generator=torch.Generator().manual_seed(4))
    generator = torch.Generator().manual_seed(4)
    for w in ours:
        expected = init(torch.empty(7, 7, dtype=torch.float64), generator)
        assert torch.equal(w, expected)


def test_init_std_formulas():
    assert init_std("normal", 64, 64) == 1.0
    assert init_std("xavier", 100, 300) == pytest.approx(math.sqrt(2 / 400))
    assert init_std("kaiming", 50, 10) == pytest.approx(math.sqrt(2 / 50))


def test_experiment_shows_vanishing_and_exploding_gradients():
    norms = signal_experiment()
    sig_normal = norms[("sigmoid", "normal")]
    sig_xavier = norms[("sigmoid", "xavier")]
    relu_normal = norms[("relu", "normal")]
    relu_kaiming = norms[("relu", "kaiming")]
    assert sig_xavier[0] / sig_xavier[-1] < 1e-10  # vanishes: about 0.25 per layer
    assert sig_normal[0] / sig_normal[-1] < 0.1
    assert relu_normal[0] > 1e25  # explodes
    assert 0.5 < relu_kaiming[0] / relu_kaiming[-1] < 2  # stays put
    assert torch.equal(signal_experiment()[("relu", "kaiming")], relu_kaiming)


def test_sigmoid_derivative_is_at_most_a_quarter():
    z = torch.linspace(-8, 8, 16001, dtype=torch.float64, requires_grad=True)
    torch.sigmoid(z).sum().backward()
    assert z.grad.max().item() == pytest.approx(0.25)
    assert (z.grad <= 0.25).all()


def test_ilsvrc_numbers_stated_on_the_page():
    assert ILSVRC_TOP5_ERROR == {
        2010: 28.2,
        2011: 25.8,
        2012: 16.4,
        2013: 11.7,
        2014: 6.7,
        2015: 3.57,
    }
    assert ILSVRC_TOP5_ERROR_EXTRA_DATA == {2012: 15.3, 2013: 11.2}
    for year, error in ILSVRC_TOP5_ERROR_EXTRA_DATA.items():
        assert error < ILSVRC_TOP5_ERROR[year]
    errors = list(ILSVRC_TOP5_ERROR.values())
    assert errors == sorted(errors, reverse=True)
    for language in ("en", "ru", "zh"):
        page = (ROOT / "docs" / language / "foundations" / "history.md").read_text("utf-8")
        for error in [*ILSVRC_TOP5_ERROR.values(), *ILSVRC_TOP5_ERROR_EXTRA_DATA.values()]:
            text = f"{error:g}"
            assert text in page or text.replace(".", ",") in page, (language, text)


def test_bad_arguments():
    with pytest.raises(ValueError, match="scheme"):
        init_weights(2, 3, "uniform")
    with pytest.raises(ValueError, match="depth"):
        init_weights(0, 3, "normal")
    with pytest.raises(ValueError, match="activation"):
        gradient_norms(torch.ones(2, 3), [torch.ones(3, 3)], "gelu")
    with pytest.raises(ValueError, match="weights"):
        gradient_norms(torch.ones(2, 3), [torch.ones(3, 4)], "relu")
    with pytest.raises(TypeError, match="inputs"):
        gradient_norms(torch.ones(2, 3, dtype=torch.long), [torch.ones(3, 3)], "relu")
