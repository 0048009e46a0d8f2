"""Figure of the BERT page: which positions the masked-language-model masking chooses."""

import matplotlib.pyplot as plt
import torch
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure

from nnref.figures.palette import BLUE, GREEN, GREY, ORANGE
from nnref.text.bert import mask_tokens

CODE_NAMES = {"MASK"}

PAD, CLS, SEP, MASK, VOCAB = 0, 1, 2, 3, 1000
_LIGHT = "#eeeeee"


def _batch(rows: int, width: int, generator: torch.Generator) -> torch.Tensor:
    """``[CLS] tokens [SEP] [PAD]...`` with random lengths, shape ``(rows, width)``."""
    ids = torch.randint(4, VOCAB, (rows, width), generator=generator)
    lengths = torch.randint(width // 2, width + 1, (rows,), generator=generator)
    for row, length in enumerate(lengths.tolist()):
        ids[row, 0] = CLS
        ids[row, length - 1] = SEP
        ids[row, length:] = PAD
    return ids


def _outcomes(ids: torch.Tensor, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Per position: 0 special, 1 not chosen, 2 [MASK], 3 random, 4 unchanged; and labels."""
    inputs, labels = mask_tokens(
        ids,
        vocab_size=VOCAB,
        mask_token_id=MASK,
        special_token_ids=[PAD, CLS, SEP],
        generator=generator,
    )
    chosen = labels != -100
    outcome = torch.ones(ids.shape, dtype=torch.long)
    outcome[(ids == PAD) | (ids == CLS) | (ids == SEP)] = 0
    outcome[chosen & (inputs == MASK)] = 2
    outcome[chosen & (inputs != MASK) & (inputs != ids)] = 3
    outcome[chosen & (inputs == ids)] = 4
    return outcome, labels


def bert_masking() -> Figure:
    """Left: the outcome of every position of 16 sequences. Right: the shares of [MASK],
    random and unchanged among the chosen positions of a large batch, against 0.8/0.1/0.1."""
    figure, (left, right) = plt.subplots(
        1, 2, figsize=(10, 3.6), gridspec_kw={"width_ratios": [2.2, 1]}
    )
    colors = [GREY, _LIGHT, BLUE, ORANGE, GREEN]
    outcome, _ = _outcomes(
        _batch(16, 40, torch.Generator().manual_seed(0)), torch.Generator().manual_seed(1)
    )
    left.imshow(
        outcome.numpy(),
        cmap=ListedColormap(colors),
        vmin=-0.5,
        vmax=4.5,
        aspect="auto",
        interpolation="nearest",
    )
    left.set_xticks([0, 9, 19, 29, 39], ["1", "10", "20", "30", "40"])
    left.set_yticks([0, 5, 10, 15], ["1", "6", "11", "16"])
    left.set_xlabel("$i$")
    left.grid(False)

    big, _ = _outcomes(
        _batch(400, 128, torch.Generator().manual_seed(2)), torch.Generator().manual_seed(3)
    )
    chosen = big >= 2
    shares = [float((big == k).sum() / chosen.sum()) for k in (2, 3, 4)]
    positions = [0, 1, 2]
    right.bar(positions, shares, color=colors[2:], width=0.6)
    for x, share, expected in zip(positions, shares, (0.8, 0.1, 0.1), strict=True):
        right.plot(
            [x - 0.4, x + 0.4], [expected, expected], color="black", linestyle="--", linewidth=1.0
        )
        right.text(x, share + 0.03, f"{share:.3f}", ha="center", va="bottom", fontsize=10)
    right.set_xticks(positions, ["[MASK]", r"$v \sim U(V)$", "$x_i$"])
    right.set_ylim(0, 1)
    right.grid(axis="x", visible=False)
    figure.tight_layout()
    return figure


FIGURES = {"bert-masking": bert_masking}
