import torch
from torch import nn

torch.manual_seed(0)
x = torch.randn(2, 4)

# Keras Activation("name") -> a module from torch.nn.modules.activation (or its function).
keras_names = {
    "relu": (nn.ReLU(), torch.relu),
    "sigmoid": (nn.Sigmoid(), torch.sigmoid),
    "tanh": (nn.Tanh(), torch.tanh),
    "softmax": (nn.Softmax(dim=-1), lambda t: torch.softmax(t, dim=-1)),  # Keras: last axis
}
for name, (module, function) in keras_names.items():
    print(
        f"{name:<8} {type(module).__module__}  same as function:",
        torch.equal(module(x), function(x)),
        "| shape",
        tuple(module(x).shape),
    )
print("parameters of nn.ReLU():", len(list(nn.ReLU().parameters())))
print("linear -> nn.Identity:", torch.equal(nn.Identity()(x), x))
