"""Distributional semantics and word2vec from scratch: nnref.text corpus, cooccurrence, word2vec."""

import math

import pytest
import torch
import torch.nn.functional as F
from hypothesis import given, settings
from hypothesis import strategies as st

from nnref.text import corpus
from nnref.text.cooccurrence import (
    build_vocabulary,
    cooccurrence_matrix,
    cosine_similarities,
    encode,
    nearest_neighbours,
    ppmi,
    svd_vectors,
    truncated_svd,
)
from nnref.text.word2vec import (
    Word2Vec,
    cbow_grads,
    cbow_windows,
    context_mean,
    keep_probabilities,
    negative_sampling_grads,
    negative_sampling_loss,
    noise_distribution,
    sample_negatives,
    skipgram_pairs,
    softmax_loss_and_grad,
    subsample,
    train,
)


@pytest.fixture(autouse=True, scope="module")
def one_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def random_sentences(seed, vocab_size, lengths):
    generator = torch.Generator().manual_seed(seed)
    return [torch.randint(vocab_size, (n,), generator=generator) for n in lengths]


lengths_strategy = st.lists(st.integers(1, 9), min_size=1, max_size=5)


# ---- corpus ----------------------------------------------------------------------------------


def test_extract_prose_drops_code_math_html_and_link_targets():
    page = (
        "---\nsource_hash: abc\n---\n\n# Title `nn.ReLU`\n\nSome *prose* with $x^2$ and a "
        "[link](other.md#q1).\n\n```python\nimport torch\n```\n\n$$\ny = Wx\n$$\n\n"
        '<!--pytest-codeblocks:expected-output-->\n\n    --8<-- "snippets/a.py"\n\n'
        "| a | b |\n|---|---|\n| cell one | cell two |\n\n![alt](x.svg)\n<b>bold</b> end.\n"
    )
    prose = corpus.extract_prose(page)
    for absent in ("source_hash", "import", "x^2", "Wx", "other.md", "snippets", "|", "<b>", "---"):
        assert absent not in prose
    tokens = [corpus.tokenize(s) for s in corpus.split_sentences(prose)]
    assert ["title", "nn", "relu"] in tokens
    assert ["some", "prose", "with", "and", "a", "link"] in tokens
    assert ["cell", "one"] in tokens
    assert ["bold", "end"] in tokens


def test_tokenize_keeps_identifiers_and_drops_numbers():
    assert corpus.tokenize("Adam's lr=1e-3, `conv2d` and skip-gram: 3 padding_idx.") == [
        "adam",
        "lr",
        "conv2d",
        "and",
        "skip-gram",
        "padding_idx",
    ]


def test_snapshot_loads_is_substantial_and_holds_the_site_terms():
    size = corpus.SNAPSHOT.stat().st_size
    assert 100_000 < size < 1_000_000
    sentences = corpus.load_corpus()
    tokens = [t for s in sentences for t in s]
    assert len(sentences) > 3000 and len(tokens) > 50_000
    vocabulary = set(tokens)
    for term in ("relu", "adam", "lstm", "conv2d", "softmax", "embedding", "gradient", "sgd"):
        assert term in vocabulary
    assert all(t == t.lower() and " " not in t for t in tokens[:5000])
    assert len(corpus.load_corpus(max_sentences=10)) == 10


def test_write_snapshot_round_trips(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# Words\n\nOne two three. Four five six!\n", encoding="utf-8")
    path = tmp_path / "corpus.txt"
    assert corpus.write_snapshot(path, docs) == len(path.read_bytes())
    assert corpus.load_corpus(path) == [["one", "two", "three"], ["four", "five", "six"]]
    with pytest.raises(ValueError, match="max_sentences"):
        corpus.load_corpus(path, max_sentences=0)


# ---- vocabulary and co-occurrence --------------------------------------------------------------


def test_vocabulary_orders_by_count_and_respects_min_count():
    vocab = build_vocabulary([["b", "a", "c", "a"], ["b", "a", "d"]], min_count=2)
    assert vocab.words == ("a", "b")
    assert vocab.counts.tolist() == [3, 2]
    assert encode([["c", "a", "b"], ["d"]], vocab)[0].tolist() == [0, 1]
    assert len(encode([["c", "a", "b"], ["d"]], vocab)) == 1
    with pytest.raises(ValueError, match="min_count"):
        build_vocabulary([["a"]], min_count=0)
    with pytest.raises(KeyError, match="zzz"):
        vocab.id("zzz")


@settings(max_examples=30)
@given(lengths=lengths_strategy, window=st.integers(1, 4), seed=st.integers(0, 1000))
def test_cooccurrence_equals_brute_force_counts(lengths, window, seed):
    vocab_size = 5
    sentences = random_sentences(seed, vocab_size, lengths)
    for weighting in ("uniform", "harmonic"):
        brute = torch.zeros(vocab_size, vocab_size, dtype=torch.float64)
        for s in sentences:
            for i in range(len(s)):
                for j in range(len(s)):
                    d = abs(i - j)
                    if 1 <= d <= window:
                        brute[s[i], s[j]] += 1.0 if weighting == "uniform" else 1.0 / d
        counts = cooccurrence_matrix(sentences, vocab_size, window, weighting)
        torch.testing.assert_close(counts, brute)
        assert torch.equal(counts, counts.T)
    total = sum(2 * (n - d) for n in lengths for d in range(1, min(window, n - 1) + 1))
    assert cooccurrence_matrix(sentences, vocab_size, window).sum().item() == total


def test_cooccurrence_rejects_bad_arguments():
    sentences = [torch.tensor([0, 1, 2])]
    with pytest.raises(ValueError, match="window"):
        cooccurrence_matrix(sentences, 3, 0)
    with pytest.raises(ValueError, match="vocab_size"):
        cooccurrence_matrix(sentences, 2, 1)
    with pytest.raises(ValueError, match="weighting"):
        cooccurrence_matrix(sentences, 3, 1, "linear")


def test_ppmi_matches_the_definition_entry_by_entry():
    counts = cooccurrence_matrix(random_sentences(0, 6, [12, 9, 7]), 6, 2)
    result = ppmi(counts)
    n = counts.sum()
    for i in range(6):
        for j in range(6):
            if counts[i, j] == 0:
                assert result[i, j] == 0
            else:
                pmi = math.log(counts[i, j] * n / (counts[i].sum() * counts[:, j].sum()))
                assert result[i, j].item() == pytest.approx(max(pmi, 0.0))
    smoothed = ppmi(counts, context_power=0.75)
    p_c = counts.sum(0) ** 0.75 / (counts.sum(0) ** 0.75).sum()
    i, j = divmod(int(counts.argmax()), 6)
    expected = math.log(counts[i, j] / n / (counts[i].sum() / n) / p_c[j])
    assert smoothed[i, j].item() == pytest.approx(max(expected, 0.0))
    with pytest.raises(ValueError, match="non-negative"):
        ppmi(-counts)


@settings(max_examples=20)
@given(m=st.integers(2, 8), n=st.integers(2, 8), seed=st.integers(0, 1000))
def test_truncated_svd_error_is_the_dropped_singular_values(m, n, seed):
    x = torch.randn(m, n, dtype=torch.float64, generator=torch.Generator().manual_seed(seed))
    s_all = torch.linalg.svdvals(x)
    for k in range(1, min(m, n) + 1):
        u, s, vh = truncated_svd(x, k)
        assert u.shape == (m, k) and s.shape == (k,) and vh.shape == (k, n)
        error = torch.linalg.matrix_norm(x - u @ torch.diag(s) @ vh) ** 2
        torch.testing.assert_close(error, (s_all[k:] ** 2).sum(), atol=1e-10, rtol=1e-9)
        torch.testing.assert_close(svd_vectors(x, k, power=0.5), u * s.sqrt())
    with pytest.raises(ValueError, match="rank"):
        truncated_svd(x, min(m, n) + 1)


def test_cosine_and_neighbours_equal_torch():
    vectors = torch.randn(7, 4, generator=torch.Generator().manual_seed(0))
    vectors[3] = 0
    expected = F.cosine_similarity(vectors, vectors[1:2], dim=1)
    torch.testing.assert_close(cosine_similarities(vectors, vectors[1]), expected)
    assert cosine_similarities(vectors, vectors[1])[3] == 0
    vocab = build_vocabulary([list("abcdefg")])
    neighbours = nearest_neighbours(vectors, vocab, vocab.words[1], k=3)
    order = expected.clone()
    order[1] = -2
    assert [w for w, _ in neighbours] == [
        vocab.words[i] for i in order.argsort(descending=True)[:3]
    ]
    with pytest.raises(ValueError, match="k must"):
        nearest_neighbours(vectors, vocab, "a", k=7)


# ---- word2vec examples -------------------------------------------------------------------------


@settings(max_examples=30)
@given(lengths=lengths_strategy, window=st.integers(1, 4), seed=st.integers(0, 1000))
def test_skipgram_pairs_and_cbow_windows_equal_brute_force(lengths, window, seed):
    sentences = random_sentences(seed, 7, lengths)
    expected, expected_windows = [], []
    for s in sentences:
        for i in range(len(s)):
            context = []
            for offset in [*range(-window, 0), *range(1, window + 1)]:
                j = i + offset
                inside = 0 <= j < len(s)
                context.append((int(s[j]) if inside else 0, inside))
                if inside:
                    expected.append([int(s[i]), int(s[j])])
            if any(inside for _, inside in context):
                expected_windows.append((context, int(s[i])))
    assert skipgram_pairs(sentences, window).tolist() == (expected or [])
    contexts, mask, centres = cbow_windows(sentences, window)
    assert contexts.shape == mask.shape == (len(expected_windows), 2 * window)
    got = [
        (list(zip(c, m, strict=True)), t)
        for c, m, t in zip(contexts.tolist(), mask.tolist(), centres.tolist(), strict=True)
    ]
    assert got == expected_windows


# ---- negative sampling: losses and hand gradients ----------------------------------------------


@settings(max_examples=30)
@given(b=st.integers(1, 6), k=st.integers(1, 6), d=st.integers(1, 8), seed=st.integers(0, 999))
def test_negative_sampling_gradients_equal_autograd(b, k, d, seed):
    generator = torch.Generator().manual_seed(seed)

    def leaf(*shape):
        return torch.randn(*shape, dtype=torch.float64, generator=generator).requires_grad_()

    h, u_pos, u_neg = leaf(b, d), leaf(b, d), leaf(b, k, d)
    loss = negative_sampling_loss(h, u_pos, u_neg)
    expected = -torch.log(torch.sigmoid((u_pos * h).sum(1))) - torch.log(
        torch.sigmoid(-(u_neg @ h[:, :, None]).squeeze(2))
    ).sum(1)
    torch.testing.assert_close(loss, expected)
    loss.sum().backward()
    ours = negative_sampling_grads(h.detach(), u_pos.detach(), u_neg.detach())
    for mine, tensor in zip(ours, (h, u_pos, u_neg), strict=True):
        torch.testing.assert_close(mine, tensor.grad)


@settings(max_examples=30)
@given(b=st.integers(1, 5), c=st.integers(1, 6), k=st.integers(1, 5), seed=st.integers(0, 999))
def test_cbow_gradients_equal_autograd(b, c, k, seed):
    generator = torch.Generator().manual_seed(seed)
    d = 4
    v = torch.randn(b, c, d, dtype=torch.float64, generator=generator).requires_grad_()
    mask = torch.rand(b, c, generator=generator) < 0.6
    mask[:, 0] = True
    u_pos = torch.randn(b, d, dtype=torch.float64, generator=generator).requires_grad_()
    u_neg = torch.randn(b, k, d, dtype=torch.float64, generator=generator).requires_grad_()
    h = context_mean(v, mask)
    expected_h = torch.stack([v[i][mask[i]].mean(0) for i in range(b)])
    torch.testing.assert_close(h, expected_h)
    negative_sampling_loss(h, u_pos, u_neg).sum().backward()
    ours = cbow_grads(v.detach(), mask, u_pos.detach(), u_neg.detach())
    for mine, tensor in zip(ours, (v, u_pos, u_neg), strict=True):
        torch.testing.assert_close(mine, tensor.grad)
    assert torch.autograd.gradcheck(
        lambda x: negative_sampling_loss(context_mean(x, mask), u_pos, u_neg),
        (v.detach().clone().requires_grad_(),),
    )


def test_softmax_loss_and_gradient_equal_cross_entropy():
    generator = torch.Generator().manual_seed(0)
    h = torch.randn(5, 3, dtype=torch.float64, generator=generator, requires_grad=True)
    output = torch.randn(11, 3, dtype=torch.float64, generator=generator)
    target = torch.randint(11, (5,), generator=generator)
    loss, grad = softmax_loss_and_grad(h, output, target)
    reference = F.cross_entropy(h @ output.T, target, reduction="none")
    torch.testing.assert_close(loss, reference)
    reference.sum().backward()
    torch.testing.assert_close(grad, h.grad)


def test_loss_at_initialisation_is_k_plus_one_log_two():
    model = Word2Vec(10, 4)
    assert torch.equal(model.output.weight, torch.zeros(10, 4))
    assert model.input.weight.abs().max() <= 0.5 / 4
    loss = model.skipgram_loss(torch.tensor([1, 2]), torch.tensor([3, 4]), torch.ones(2, 5).long())
    assert loss.item() == pytest.approx(6 * math.log(2))


def test_bad_shapes_raise():
    with pytest.raises(ValueError, match="u_neg"):
        negative_sampling_loss(torch.zeros(2, 3), torch.zeros(2, 3), torch.zeros(2, 4))
    with pytest.raises(ValueError, match="context"):
        context_mean(torch.zeros(1, 2, 3), torch.zeros(1, 2, dtype=torch.bool))
    with pytest.raises(ValueError, match="architecture"):
        train("glove", [torch.tensor([0, 1])], torch.tensor([1, 1]))


# ---- noise distribution and subsampling --------------------------------------------------------


def test_sampler_frequencies_follow_unigram_to_the_three_quarters():
    counts = torch.tensor([500, 200, 50, 10, 1])
    probs = noise_distribution(counts)
    torch.testing.assert_close(probs, counts.double() ** 0.75 / (counts.double() ** 0.75).sum())
    generator = torch.Generator().manual_seed(0)
    draws = sample_negatives(probs, (400, 500), generator)
    assert draws.shape == (400, 500)
    frequency = torch.bincount(draws.flatten(), minlength=5) / draws.numel()
    standard_error = (probs * (1 - probs) / draws.numel()).sqrt()
    assert ((frequency - probs).abs() < 5 * standard_error + 1e-12).all()
    again = sample_negatives(probs, (400, 500), torch.Generator().manual_seed(0))
    assert torch.equal(draws, again)


def test_keep_probabilities_follow_the_paper_and_the_code():
    counts = torch.tensor([9000, 900, 90, 10])
    f = counts.double() / 10_000
    t = 1e-3
    paper = keep_probabilities(counts, t)
    torch.testing.assert_close(paper, torch.sqrt(t / f).clamp(max=1))
    code = keep_probabilities(counts, t, rule="code")
    torch.testing.assert_close(code, ((torch.sqrt(f / t) + 1) * t / f).clamp(max=1))
    assert paper[-1] == 1 and (paper[:-1] < 1).all()
    with pytest.raises(ValueError, match="threshold"):
        keep_probabilities(counts, 0.0)
    sentences = [torch.zeros(20000, dtype=torch.int64)]
    kept = subsample(sentences, torch.tensor([0.25]), torch.Generator().manual_seed(0))
    assert abs(len(kept[0]) / 20000 - 0.25) < 0.02


# ---- training ----------------------------------------------------------------------------------


@pytest.mark.parametrize("architecture", ["skip-gram", "cbow"])
@pytest.mark.parametrize("optimizer", ["adam", "sgd"])
def test_training_lowers_the_loss(architecture, optimizer):
    sentences = corpus.load_corpus(max_sentences=800)
    vocab = build_vocabulary(sentences, min_count=3)
    lr = 0.02 if optimizer == "adam" else 20.0  # SGD on the batch mean: 20 / 256 per pair
    result = train(
        architecture,
        encode(sentences, vocab),
        vocab.counts,
        dim=16,
        steps=60,
        batch_size=256,
        lr=lr,
        optimizer=optimizer,
        threshold=1e-3,
    )
    assert result.losses[0] == pytest.approx(6 * math.log(2), abs=1e-6)
    assert sum(result.losses[-10:]) / 10 < result.losses[0] - 0.3
    assert result.model.input.weight.shape == (len(vocab), 16)
