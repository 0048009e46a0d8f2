import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
anchor, positive, negative = torch.randn(3, 5, 16).unbind(0)  # 5 triplets, D = 16

loss = nn.TripletMarginLoss(margin=1.0, p=2, reduction="none")(anchor, positive, negative)
print("shape:", tuple(loss.shape))
d_ap = F.pairwise_distance(anchor, positive)  # ||a - p + eps||_2, eps = 1e-6
d_an = F.pairwise_distance(anchor, negative)
print("max(d(a,p) - d(a,n) + 1, 0):", torch.allclose(loss, (d_ap - d_an + 1.0).clamp(min=0)))

# swap=True: the positive stands in for the anchor if it is closer to the negative
swapped = nn.TripletMarginLoss(swap=True, reduction="none")(anchor, positive, negative)
d_pn = F.pairwise_distance(positive, negative)
expected = (d_ap - torch.minimum(d_an, d_pn) + 1.0).clamp(min=0)
print("swap uses min(d(a,n), d(p,n)):", torch.allclose(swapped, expected))
print("swap never lowers the loss:", bool((swapped >= loss).all()))
