import torch
from torch import nn

collapsed = torch.ones(4, 3)  # an encoder that maps every input to the same point
for margin in (1.0, 0.2):
    loss = nn.TripletMarginLoss(margin=margin)(collapsed, collapsed, collapsed)
    print(f"margin {margin}: loss of collapsed embeddings {loss:.4f}")

try:  # with margin 0 the collapse would cost nothing; torch refuses it
    nn.TripletMarginLoss(margin=0.0)
except ValueError as error:
    print("ValueError:", error)
