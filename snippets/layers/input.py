import torch
from torch import nn

torch.manual_seed(0)

# Keras: inputs = keras.Input(shape=(5,)) declares one example's shape, without the batch.
# PyTorch has no input layer: the input is the tensor passed to the model, batch included.
x = torch.randn(32, 5)
print("input", tuple(x.shape))

layer = nn.LazyLinear(3)  # in_features is inferred on the first call
print("before the first call:", type(layer.weight).__name__)
y = layer(x)
print("after:", type(layer.weight).__name__, tuple(layer.weight.shape), "-> output", tuple(y.shape))

model = nn.Sequential(nn.Linear(5, 3), nn.ReLU())  # sizes written by hand: checked at call time
try:
    model(torch.randn(32, 4))
except RuntimeError as error:
    print("RuntimeError:", error)
