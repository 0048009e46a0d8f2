"""BERT's pre-training data: masked-language-model masking and next-sentence pairs.

Masked language model (MLM, Devlin et al., 2019): every position that is not a special token
is chosen for prediction with probability ``mlm_probability`` (0.15); a chosen position's input
is replaced by ``[MASK]`` with probability 0.8, by a token drawn uniformly from the vocabulary
with probability 0.1, and left unchanged with probability 0.1. The label of a chosen position is
its original token; every other position gets ``ignore_index`` (-100, the default
``ignore_index`` of ``nn.CrossEntropyLoss``), so the loss is computed on the chosen positions
only.

Next sentence prediction (NSP): for a sentence A, sentence B is the sentence that really
follows A with probability 0.5 (label 0, IsNext) and a sentence from another document otherwise
(label 1, NotNext); the pair is fed as ``[CLS] A [SEP] B [SEP]`` with segment (token type) 0
for ``[CLS] A [SEP]`` and 1 for ``B [SEP]``. The label convention is that of Hugging Face's
``BertForPreTraining``.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import torch

from nnref._checks import require_positive_int, require_tensor

IGNORE_INDEX = -100
IS_NEXT, NOT_NEXT = 0, 1


@dataclass(frozen=True)
class BertConfig:
    """The sizes that determine BERT's parameter count.

    Attributes:
        vocab_size: WordPiece vocabulary (30 522 for the released English uncased models).
        hidden: the model width ``H``.
        layers: the number of encoder layers ``L``.
        heads: the number of attention heads ``A`` (does not change the count).
        intermediate: the feed-forward width, ``4 H``.
        max_positions: the number of learned position embeddings (512).
        type_vocab: the number of segment embeddings (2).
    """

    vocab_size: int = 30522
    hidden: int = 768
    layers: int = 12
    heads: int = 12
    intermediate: int = 3072
    max_positions: int = 512
    type_vocab: int = 2


BERT_BASE = BertConfig()
BERT_LARGE = BertConfig(hidden=1024, layers=24, heads=16, intermediate=4096)


def parameter_count(config: BertConfig = BERT_BASE, *, pooler: bool = True) -> int:
    """The number of parameters of BERT's encoder (``BertModel``), without the pre-training heads.

    Embeddings: token, position and segment tables and one LayerNorm. Per layer: the Q, K, V
    and output projections with biases, two LayerNorms, and the two feed-forward layers with
    biases. The pooler is a ``hidden x hidden`` dense layer with bias applied to ``[CLS]``.
    """
    h, f = config.hidden, config.intermediate
    embeddings = (config.vocab_size + config.max_positions + config.type_vocab) * h + 2 * h
    attention = 4 * (h * h + h)
    feed_forward = (h * f + f) + (f * h + h)
    layer = attention + feed_forward + 2 * (2 * h)
    total = embeddings + config.layers * layer
    return total + (h * h + h if pooler else 0)


@dataclass(frozen=True)
class MaskingDecisions:
    """Which positions ``mask_tokens`` chose, and what it did with each (boolean tensors)."""

    chosen: torch.Tensor
    masked: torch.Tensor
    randomized: torch.Tensor
    unchanged: torch.Tensor


def masking_decisions(
    special: torch.Tensor,
    *,
    generator: torch.Generator | None = None,
    mlm_probability: float = 0.15,
    mask_probability: float = 0.8,
    random_probability: float = 0.1,
) -> MaskingDecisions:
    """Draw the MLM decisions for positions of shape ``special.shape``.

    Two uniform draws per position, in this order: the first chooses the position
    (``< mlm_probability``, never where ``special`` is true), the second splits the chosen
    positions into ``[MASK]`` (``< mask_probability``), random (the next ``random_probability``)
    and unchanged (the rest).
    """
    require_tensor("special", special)
    if special.dtype != torch.bool:
        raise TypeError(f"special must be a bool tensor, got {special.dtype}")
    for name, value in (
        ("mlm_probability", mlm_probability),
        ("mask_probability", mask_probability),
        ("random_probability", random_probability),
    ):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"{name} must be a number, got {type(value).__name__}")
        if not 0.0 <= value <= 1.0:
            raise ValueError(f"{name} must be in [0, 1], got {value}")
    if mask_probability + random_probability > 1.0:
        raise ValueError(
            "mask_probability + random_probability must be at most 1, got "
            f"{mask_probability + random_probability}"
        )
    first = torch.rand(special.shape, generator=generator)
    second = torch.rand(special.shape, generator=generator)
    chosen = (first < mlm_probability) & ~special
    masked = chosen & (second < mask_probability)
    randomized = chosen & ~masked & (second < mask_probability + random_probability)
    unchanged = chosen & ~masked & ~randomized
    return MaskingDecisions(chosen, masked, randomized, unchanged)


def mask_tokens(
    input_ids: torch.Tensor,
    *,
    vocab_size: int,
    mask_token_id: int,
    special_token_ids: Sequence[int] = (),
    generator: torch.Generator | None = None,
    mlm_probability: float = 0.15,
    mask_probability: float = 0.8,
    random_probability: float = 0.1,
) -> tuple[torch.Tensor, torch.Tensor]:
    """BERT's masked-language-model corruption of a batch of token ids.

    Args:
        input_ids: integer token ids of any shape, e.g. ``(batch, seq_len)``.
        vocab_size: the number of tokens; random replacements are uniform over ``0..vocab_size-1``.
        mask_token_id: the id of ``[MASK]``.
        special_token_ids: ids never chosen (``[CLS]``, ``[SEP]``, ``[PAD]``, ...).
        generator: the random generator; the same seed gives the same result.
        mlm_probability: the probability that a position is chosen (0.15).
        mask_probability: the share of chosen positions replaced by ``[MASK]`` (0.8).
        random_probability: the share replaced by a random token (0.1); the rest stays.

    Returns:
        ``(inputs, labels)``, both the shape of ``input_ids``: the corrupted inputs, and the
        original ids at chosen positions with ``-100`` everywhere else.
    """
    require_tensor("input_ids", input_ids)
    if input_ids.is_floating_point() or input_ids.is_complex() or input_ids.dtype == torch.bool:
        raise TypeError(f"input_ids must have an integer dtype, got {input_ids.dtype}")
    require_positive_int("vocab_size", vocab_size)
    if isinstance(mask_token_id, bool) or not isinstance(mask_token_id, int):
        raise TypeError(f"mask_token_id must be an int, got {type(mask_token_id).__name__}")
    if not 0 <= mask_token_id < vocab_size:
        raise ValueError(f"mask_token_id must be in [0, {vocab_size}), got {mask_token_id}")
    if input_ids.numel() and (input_ids.min() < 0 or input_ids.max() >= vocab_size):
        raise ValueError(f"input_ids must be in [0, {vocab_size})")
    special = torch.zeros(input_ids.shape, dtype=torch.bool)
    for token in special_token_ids:
        special |= input_ids == token
    decisions = masking_decisions(
        special,
        generator=generator,
        mlm_probability=mlm_probability,
        mask_probability=mask_probability,
        random_probability=random_probability,
    )
    random_tokens = torch.randint(
        vocab_size, input_ids.shape, generator=generator, dtype=input_ids.dtype
    )
    inputs = input_ids.clone()
    inputs[decisions.masked] = mask_token_id
    inputs[decisions.randomized] = random_tokens[decisions.randomized]
    labels = torch.where(decisions.chosen, input_ids, torch.full_like(input_ids, IGNORE_INDEX))
    return inputs, labels


def pair_input(
    sentence_a: Sequence[int], sentence_b: Sequence[int], *, cls_id: int, sep_id: int
) -> tuple[torch.Tensor, torch.Tensor]:
    """``[CLS] A [SEP] B [SEP]`` and its segment ids (0 up to the first ``[SEP]``, then 1).

    Returns:
        ``(input_ids, token_type_ids)``, both of shape ``(len(A) + len(B) + 3,)``.
    """
    first = [cls_id, *sentence_a, sep_id]
    second = [*sentence_b, sep_id]
    input_ids = torch.tensor(first + second, dtype=torch.long)
    token_type_ids = torch.tensor([0] * len(first) + [1] * len(second), dtype=torch.long)
    return input_ids, token_type_ids


def nsp_pairs(
    documents: Sequence[Sequence[Sequence[int]]],
    *,
    generator: torch.Generator | None = None,
    is_next_probability: float = 0.5,
) -> list[tuple[list[int], list[int], int]]:
    """Next-sentence-prediction examples from documents (lists of sentences of token ids).

    For every sentence A that has a successor in its document, one uniform draw decides: with
    probability ``is_next_probability`` B is the real next sentence (label ``0``, IsNext);
    otherwise B is a uniformly drawn sentence of a uniformly drawn *other* document (label
    ``1``, NotNext).

    Returns:
        A list of ``(A, B, label)``.
    """
    if len(documents) < 2:
        raise ValueError("documents must hold at least two documents (NotNext needs another one)")
    if not 0.0 <= is_next_probability <= 1.0:
        raise ValueError(f"is_next_probability must be in [0, 1], got {is_next_probability}")
    for index, document in enumerate(documents):
        if not document:
            raise ValueError(f"documents[{index}] is empty")
    pairs = []
    for d, document in enumerate(documents):
        for i in range(len(document) - 1):
            if torch.rand((), generator=generator) < is_next_probability:
                pairs.append((list(document[i]), list(document[i + 1]), IS_NEXT))
                continue
            other = int(torch.randint(len(documents) - 1, (), generator=generator))
            other += other >= d  # skip the document A comes from
            pick = int(torch.randint(len(documents[other]), (), generator=generator))
            pairs.append((list(document[i]), list(documents[other][pick]), NOT_NEXT))
    return pairs
