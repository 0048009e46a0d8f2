"""BERT's masking, next-sentence pairs and parameter count, checked against torch."""

import pytest
import torch
from torch import nn

from nnref.text.bert import (
    BERT_BASE,
    BERT_LARGE,
    IGNORE_INDEX,
    IS_NEXT,
    NOT_NEXT,
    mask_tokens,
    masking_decisions,
    nsp_pairs,
    pair_input,
    parameter_count,
)

PAD, CLS, SEP, MASK, VOCAB = 0, 1, 2, 3, 30522


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    old = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(old)


def _batch(rows, width, seed):
    generator = torch.Generator().manual_seed(seed)
    ids = torch.randint(4, VOCAB, (rows, width), generator=generator)
    ids[:, 0], ids[:, -3] = CLS, SEP
    ids[:, -2:] = PAD
    return ids


def _mask(ids, seed, **kwargs):
    return mask_tokens(
        ids,
        vocab_size=VOCAB,
        mask_token_id=MASK,
        special_token_ids=[PAD, CLS, SEP],
        generator=torch.Generator().manual_seed(seed),
        **kwargs,
    )


def test_same_seed_same_result_and_other_seed_differs():
    ids = _batch(8, 64, 0)
    a, b, c = _mask(ids, 1), _mask(ids, 1), _mask(ids, 2)
    assert torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
    assert not torch.equal(a[1], c[1])


def test_special_tokens_are_never_chosen_nor_changed():
    ids = _batch(64, 128, 3)
    inputs, labels = _mask(ids, 4, mlm_probability=0.9)
    special = (ids == PAD) | (ids == CLS) | (ids == SEP)
    assert (labels[special] == IGNORE_INDEX).all()
    assert torch.equal(inputs[special], ids[special])


def test_labels_and_untouched_positions():
    ids = _batch(16, 64, 5)
    inputs, labels = _mask(ids, 6)
    chosen = labels != IGNORE_INDEX
    assert torch.equal(labels[chosen], ids[chosen])
    assert torch.equal(inputs[~chosen], ids[~chosen])
    assert inputs.shape == labels.shape == ids.shape and inputs.dtype == ids.dtype


def test_proportions_15_80_10_10():
    ids = _batch(400, 256, 7)  # 400 * 253 = 101 200 ordinary positions
    inputs, labels = _mask(ids, 8)
    ordinary = ~((ids == PAD) | (ids == CLS) | (ids == SEP))
    chosen = labels != IGNORE_INDEX
    n = int(ordinary.sum())
    share = chosen.sum() / n  # sd sqrt(.15 * .85 / n) = 0.0011
    assert abs(share - 0.15) < 0.006
    k = int(chosen.sum())  # about 15 000; sd of a share <= 0.0033
    masked = (inputs[chosen] == MASK).sum() / k
    unchanged = (inputs[chosen] == ids[chosen]).sum() / k
    other = ((inputs[chosen] != MASK) & (inputs[chosen] != ids[chosen])).sum() / k
    assert abs(masked - 0.8) < 0.017
    assert abs(unchanged - 0.1) < 0.013  # 0.1 plus a random draw equal to the original (1/V)
    assert abs(other - 0.1) < 0.013
    decisions = masking_decisions(~ordinary, generator=torch.Generator().manual_seed(8))
    assert torch.equal(decisions.chosen, chosen)
    assert torch.equal(decisions.masked, chosen & (inputs == MASK))


def test_decisions_partition_the_chosen_positions():
    special = torch.zeros(50, 50, dtype=torch.bool)
    d = masking_decisions(special, generator=torch.Generator().manual_seed(0))
    total = d.masked.int() + d.randomized.int() + d.unchanged.int()
    assert torch.equal(total.bool(), d.chosen) and total.max() <= 1


def test_ignored_labels_contribute_nothing_to_cross_entropy():
    ids = _batch(4, 32, 9)
    _, labels = _mask(ids, 10, mlm_probability=0.5)
    chosen = labels != IGNORE_INDEX
    vocab = 50
    labels = torch.where(chosen, labels % vocab, labels)
    logits = torch.randn(4, 32, vocab, dtype=torch.float64, requires_grad=True)
    loss = nn.CrossEntropyLoss()(logits.reshape(-1, vocab), labels.reshape(-1))
    expected = nn.functional.cross_entropy(logits[chosen], labels[chosen])
    torch.testing.assert_close(loss, expected)
    loss.backward()
    assert (logits.grad[~chosen] == 0).all()
    assert nn.CrossEntropyLoss().ignore_index == IGNORE_INDEX


def test_pair_input_and_segments():
    input_ids, token_type_ids = pair_input([7, 8], [9], cls_id=CLS, sep_id=SEP)
    assert input_ids.tolist() == [CLS, 7, 8, SEP, 9, SEP]
    assert token_type_ids.tolist() == [0, 0, 0, 0, 1, 1]


def test_nsp_pairs_half_is_next_and_not_next_comes_from_another_document():
    documents = [[[d, s] for s in range(30)] for d in range(200)]  # sentence = [doc, index]
    pairs = nsp_pairs(documents, generator=torch.Generator().manual_seed(0))
    assert len(pairs) == 200 * 29
    labels = torch.tensor([label for _, _, label in pairs], dtype=torch.float64)
    assert abs((labels == IS_NEXT).double().mean() - 0.5) < 0.03  # sd 0.0066
    for a, b, label in pairs:
        if label == IS_NEXT:
            assert b == [a[0], a[1] + 1]
        else:
            assert label == NOT_NEXT and b[0] != a[0]
    again = nsp_pairs(documents, generator=torch.Generator().manual_seed(0))
    assert again == pairs


def _meta_bert(config):
    h = config.hidden
    with torch.device("meta"):
        parts = [
            nn.Embedding(config.vocab_size, h),
            nn.Embedding(config.max_positions, h),
            nn.Embedding(config.type_vocab, h),
            nn.LayerNorm(h),
            nn.TransformerEncoder(
                nn.TransformerEncoderLayer(h, config.heads, config.intermediate, batch_first=True),
                config.layers,
                enable_nested_tensor=False,
            ),
            nn.Linear(h, h),
        ]
    return sum(p.numel() for part in parts for p in part.parameters())


@pytest.mark.parametrize("config", [BERT_BASE, BERT_LARGE], ids=["base", "large"])
def test_parameter_count_equals_torch_layers(config):
    assert parameter_count(config) == _meta_bert(config)


def test_published_sizes():
    assert parameter_count(BERT_BASE) == 109_482_240  # "110M" in the paper
    assert parameter_count(BERT_LARGE) == 335_141_888  # "340M" in the paper
    assert parameter_count(BERT_BASE, pooler=False) == 109_482_240 - 768 * 769
    assert (BERT_BASE.layers, BERT_BASE.hidden, BERT_BASE.heads) == (12, 768, 12)
    assert (BERT_LARGE.layers, BERT_LARGE.hidden, BERT_LARGE.heads) == (24, 1024, 16)


def test_bad_arguments():
    ids = _batch(2, 8, 0)
    with pytest.raises(TypeError, match="input_ids"):
        mask_tokens(ids.float(), vocab_size=VOCAB, mask_token_id=MASK)
    with pytest.raises(ValueError, match="mask_token_id"):
        mask_tokens(ids, vocab_size=VOCAB, mask_token_id=VOCAB)
    with pytest.raises(ValueError, match="input_ids"):
        mask_tokens(ids, vocab_size=10, mask_token_id=MASK)
    with pytest.raises(ValueError, match="mlm_probability"):
        mask_tokens(ids, vocab_size=VOCAB, mask_token_id=MASK, mlm_probability=1.5)
    with pytest.raises(ValueError, match="random_probability"):
        mask_tokens(ids, vocab_size=VOCAB, mask_token_id=MASK, mask_probability=0.95)
    with pytest.raises(ValueError, match="documents"):
        nsp_pairs([[[1, 2]]])
