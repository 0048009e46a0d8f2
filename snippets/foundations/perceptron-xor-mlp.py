import torch
from torch import nn

from nnref.perceptron import xor_data, xor_mlp, xor_mlp_parameters, xor_threshold_network

x, y = xor_data()
print("inputs:", x.tolist())

# A 2-2-1 network with hand-chosen weights: relu(x W1^T + b1) w2^T + b2
model = nn.Sequential(nn.Linear(2, 2), nn.ReLU(), nn.Linear(2, 1))
model.load_state_dict(xor_mlp_parameters())
for name, value in model.state_dict().items():
    print(f"{name:9s}", value.tolist())

with torch.no_grad():
    hidden = model[1](model[0](x))
    output = model(x).squeeze(1)
print("hidden layer:", hidden.tolist())  # the corners (0,1) and (1,0) land on the same point
print("output:", output.tolist())
print("equals XOR:", torch.equal(output, y))
print("equals the from-scratch network:", torch.equal(output, xor_mlp(x).squeeze(1)))

# The same function from three threshold units: OR and not AND
print("threshold network:", xor_threshold_network(x).tolist())
