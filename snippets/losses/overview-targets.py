import torch
from torch import nn

logits = torch.tensor([[2.0, 0.5, -1.0], [0.1, 1.5, 0.3]])  # (N, C) = (2, 3)
ce, bce = nn.CrossEntropyLoss(), nn.BCEWithLogitsLoss()


def attempt(name, compute):
    try:
        print(f"{name:<24}", round(compute().item(), 4))
    except RuntimeError as error:
        print(f"{name:<24}", "RuntimeError:", error)


attempt("CE, indices (N,) int64", lambda: ce(logits, torch.tensor([0, 1])))
attempt("CE, one-hot (N, C) float", lambda: ce(logits, torch.tensor([[1.0, 0, 0], [0, 1, 0]])))
attempt("CE, one-hot (N, C) int64", lambda: ce(logits, torch.tensor([[1, 0, 0], [0, 1, 0]])))
attempt("CE, indices (N,) float", lambda: ce(logits, torch.tensor([0.0, 1.0])))
attempt("CE, indices (N, 1) int64", lambda: ce(logits, torch.tensor([[0], [1]])))
attempt("BCE, labels (N,) int64", lambda: bce(logits[:, 0], torch.tensor([1, 0])))
attempt("BCE, labels (N,) float", lambda: bce(logits[:, 0], torch.tensor([1.0, 0.0])))
