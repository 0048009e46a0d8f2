import torch
from torch import nn

torch.manual_seed(0)
# trained with the tanh formula (as GPT-2 was) ...
source = nn.Sequential(nn.Linear(16, 64), nn.GELU(approximate="tanh"), nn.Linear(64, 4))
# ... and ported into a model that uses the default, exact GELU
target = nn.Sequential(nn.Linear(16, 64), nn.GELU(), nn.Linear(64, 4))
print(target.load_state_dict(source.state_dict()))  # GELU has no parameters: nothing warns

x = 3 * torch.randn(256, 16)
with torch.no_grad():
    difference = (source(x) - target(x)).abs().max()
    print(f"max |difference| of the outputs: {difference:.1e}")
    print("allclose:", torch.allclose(source(x), target(x)))
    target[1].approximate = "tanh"  # the fix: the same formula as in training
    print("after the fix:", torch.equal(source(x), target(x)))
