import torch
import torch.nn.functional as F

from nnref.losses.multilabel import multilabel_margin_loss, multilabel_soft_margin_loss

torch.manual_seed(0)
scores = torch.randn(4, 5, requires_grad=True)
index_lists = torch.tensor(
    [[3, 0, -1, 1, 2], [4, -1, -1, -1, -1], [0, 1, 2, 3, 4], [-1, 2, 2, 2, 2]]
)  # class lists padded with -1 (the last row has no class at all)
multi_hot = torch.randint(0, 2, (4, 5)).float()
weight = torch.rand(5)


def same(ours, theirs):
    """Equal values and equal gradients with respect to the scores."""
    (g_ours,) = torch.autograd.grad(ours.sum(), scores)
    (g_theirs,) = torch.autograd.grad(theirs.sum(), scores)
    return torch.allclose(ours, theirs) and torch.allclose(g_ours, g_theirs)


for reduction in ("mean", "sum", "none"):
    margin = same(
        multilabel_margin_loss(scores, index_lists, reduction),
        F.multilabel_margin_loss(scores, index_lists, reduction=reduction),
    )
    soft = all(
        same(
            multilabel_soft_margin_loss(scores, multi_hot, w, reduction),
            F.multilabel_soft_margin_loss(scores, multi_hot, weight=w, reduction=reduction),
        )
        for w in (None, weight)
    )
    print(f"{reduction:>4}: margin {margin}, soft margin {soft}")
