import torch
import torch.nn.functional as F
from torch import nn

torch.manual_seed(0)
anchor, positive, negative = torch.randn(3, 5, 16).unbind(0)


def cosine_distance(x, y):
    return 1 - F.cosine_similarity(x, y)  # one distance per row, shape (N,)


loss_fn = nn.TripletMarginWithDistanceLoss(distance_function=cosine_distance, margin=0.2)
loss = loss_fn(anchor, positive, negative)
d_ap, d_an = cosine_distance(anchor, positive), cosine_distance(anchor, negative)
print("custom distance:", torch.allclose(loss, (d_ap - d_an + 0.2).clamp(min=0).mean()))
# the default distance is pairwise_distance: the same loss as TripletMarginLoss()
default = nn.TripletMarginWithDistanceLoss()(anchor, positive, negative)
plain = nn.TripletMarginLoss()(anchor, positive, negative)
print("default equals TripletMarginLoss:", torch.allclose(default, plain))
