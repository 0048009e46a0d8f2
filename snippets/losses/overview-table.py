import warnings

import torch
from torch import nn

warnings.simplefilter("ignore")  # NLLLoss2d is deprecated; KLDivLoss warns about 'mean'
torch.manual_seed(0)
# Sizes chosen distinct, so that every printed size can be named by its letter
N, D, S, C, T, H, W = 2, 3, 4, 5, 6, 7, 8
LETTERS = {2: "N", 3: "D", 4: "S", 5: "C", 6: "T", 7: "H", 8: "W"}


def shape(t):
    names = [LETTERS[size] for size in t.shape]
    return "(" + ", ".join(names) + ("," if len(names) == 1 else "") + ")"


def describe(t):
    return f"{shape(t)} {'float' if t.is_floating_point() else str(t.dtype).split('.')[1]}"


def x(*size):  # a float prediction
    return torch.randn(*size)


def labels(*size):  # class indices
    return torch.randint(0, C, size)


def signs(*size):  # +1 / -1 targets
    return torch.randint(0, 2, size).float() * 2 - 1


def probs(*size):  # probabilities in (0, 1)
    return torch.rand(*size)


# class: (constructor, [(role, tensor), ...] in the order of the call)
CASES = {
    "L1Loss": (nn.L1Loss, [("in", x(N, D)), ("tg", x(N, D))]),
    "MSELoss": (nn.MSELoss, [("in", x(N, D)), ("tg", x(N, D))]),
    "HuberLoss": (nn.HuberLoss, [("in", x(N, D)), ("tg", x(N, D))]),
    "SmoothL1Loss": (nn.SmoothL1Loss, [("in", x(N, D)), ("tg", x(N, D))]),
    "PoissonNLLLoss": (nn.PoissonNLLLoss, [("in", x(N, D)), ("tg", torch.poisson(probs(N, D)))]),
    "GaussianNLLLoss": (
        nn.GaussianNLLLoss,
        [("in", x(N, D)), ("tg", x(N, D)), ("in", probs(N, D) + 0.1)],
    ),
    "CrossEntropyLoss": (nn.CrossEntropyLoss, [("in", x(N, C)), ("tg", labels(N))]),
    "NLLLoss": (nn.NLLLoss, [("in", x(N, C).log_softmax(1)), ("tg", labels(N))]),
    "NLLLoss2d": (nn.NLLLoss2d, [("in", x(N, C, H, W).log_softmax(1)), ("tg", labels(N, H, W))]),
    "BCELoss": (nn.BCELoss, [("in", probs(N, C)), ("tg", probs(N, C).round())]),
    "BCEWithLogitsLoss": (nn.BCEWithLogitsLoss, [("in", x(N, C)), ("tg", probs(N, C).round())]),
    "KLDivLoss": (nn.KLDivLoss, [("in", x(N, C).log_softmax(1)), ("tg", x(N, C).softmax(1))]),
    "MultiLabelSoftMarginLoss": (
        nn.MultiLabelSoftMarginLoss,
        [("in", x(N, C)), ("tg", probs(N, C).round())],
    ),
    "MultiLabelMarginLoss": (
        nn.MultiLabelMarginLoss,
        [("in", x(N, C)), ("tg", torch.tensor([[1, 3, -1, -1, -1], [0, -1, 2, 2, 2]]))],
    ),
    "MultiMarginLoss": (nn.MultiMarginLoss, [("in", x(N, C)), ("tg", labels(N))]),
    "SoftMarginLoss": (nn.SoftMarginLoss, [("in", x(N)), ("tg", signs(N))]),
    "HingeEmbeddingLoss": (nn.HingeEmbeddingLoss, [("in", probs(N)), ("tg", signs(N))]),
    "MarginRankingLoss": (
        nn.MarginRankingLoss,
        [("in", x(N)), ("in", x(N)), ("tg", signs(N))],
    ),
    "CosineEmbeddingLoss": (
        nn.CosineEmbeddingLoss,
        [("in", x(N, D)), ("in", x(N, D)), ("tg", signs(N))],
    ),
    "TripletMarginLoss": (
        nn.TripletMarginLoss,
        [("in", x(N, D)), ("in", x(N, D)), ("in", x(N, D))],
    ),
    "TripletMarginWithDistanceLoss": (
        nn.TripletMarginWithDistanceLoss,
        [("in", x(N, D)), ("in", x(N, D)), ("in", x(N, D))],
    ),
    "CTCLoss": (
        nn.CTCLoss,
        [
            ("in", x(T, N, C).log_softmax(2)),
            ("tg", torch.tensor([[1, 2, 3, 4], [2, 3, 0, 0]])),
            ("in", torch.tensor([T, T])),
            ("tg", torch.tensor([4, 2])),
        ],
    ),
    "LinearCrossEntropyLoss": (
        lambda **kw: nn.LinearCrossEntropyLoss(D, C, **kw),
        [("in", x(N, D)), ("tg", labels(N))],
    ),
}

for name, (make, args) in CASES.items():
    tensors = [t for _, t in args]
    inputs = ", ".join(describe(t) for role, t in args if role == "in")
    targets = ", ".join(describe(t) for role, t in args if role == "tg") or "-"
    outputs = [f"{r} {shape(make(reduction=r)(*tensors))}" for r in ("none", "mean", "sum")]
    print(f"{name}: {inputs} | {targets} | {', '.join(outputs)}")

# AdaptiveLogSoftmaxWithLoss has no reduction: it returns (output, loss)
adaptive = nn.AdaptiveLogSoftmaxWithLoss(D, C, cutoffs=[2], div_value=1.0)
features, target = x(N, D), labels(N)
result = adaptive(features, target)
print(
    f"AdaptiveLogSoftmaxWithLoss: {describe(features)} | {describe(target)} |",
    f"output {shape(result.output)}, loss {shape(result.loss)}",
)
