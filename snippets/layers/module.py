import torch
from torch import nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()  # creates _parameters, _buffers, _modules and training=True
        self.body = nn.Sequential(nn.Linear(4, 8), nn.ReLU(), nn.Linear(8, 3))  # a submodule
        self.scale = nn.Parameter(torch.ones(3))  # a parameter
        self.register_buffer("mean", torch.zeros(4))  # a buffer: state that is not trained
        self.note = torch.zeros(3)  # a plain tensor attribute: registered nowhere

    def forward(self, x):
        return self.body(x - self.mean) * self.scale


model = Net()
print(model)
print("own registries:", list(model._parameters), list(model._buffers), list(model._modules))
for name, p in model.named_parameters():  # own parameters first, then the children's
    print(f"  {name:<13} {tuple(p.shape)}")
print("parameters:", sum(p.numel() for p in model.parameters()))  # 3 + 40 + 27
print("modules:", [name for name, _ in model.named_modules()])

y = model(torch.randn(2, 4))  # model(x) runs __call__: hooks around forward
print("output", tuple(y.shape), "| training:", model.training)
model.eval()  # sets training=False on every module of the tree
print("after eval():", [m.training for m in model.modules()])


def init(module):  # apply(fn) visits every submodule, then the model itself
    if isinstance(module, nn.Linear):
        nn.init.zeros_(module.bias)


model.apply(init)
print(
    "bias sums:", [m.bias.abs().sum().item() for m in model.modules() if isinstance(m, nn.Linear)]
)
