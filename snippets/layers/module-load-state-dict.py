import torch
from torch import nn

torch.manual_seed(0)
checkpoint = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 2)).state_dict()
print("checkpoint keys:", list(checkpoint))


class Net(nn.Module):  # the same layers, but with named attributes
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(4, 8)
        self.out = nn.Linear(8, 2)

    def forward(self, x):
        return self.out(torch.relu(self.hidden(x)))


net = Net()
try:
    net.load_state_dict(checkpoint)  # strict=True: every key must match
except RuntimeError as error:
    print("RuntimeError:")
    for line in str(error).splitlines()[1:]:
        print(" ", line.strip())

result = net.load_state_dict(checkpoint, strict=False)  # no error ...
print("missing:   ", result.missing_keys)
print("unexpected:", result.unexpected_keys)
print("... and nothing was loaded:", not torch.equal(net.hidden.weight, checkpoint["0.weight"]))

renamed = {k.replace("0.", "hidden.", 1).replace("2.", "out.", 1): v for k, v in checkpoint.items()}
print(net.load_state_dict(renamed))
print("loaded:", torch.equal(net.hidden.weight, checkpoint["0.weight"]))
