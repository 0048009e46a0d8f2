import torch
from torch.autograd.graph import Node

x = torch.tensor([0.5, -1.0], requires_grad=True)
w = torch.tensor([2.0, 3.0], requires_grad=True)
loss = torch.tanh(x * w).sum()

node = loss.grad_fn
print(isinstance(node, Node), node.name())
print([(type(n).__name__, i) for n, i in node.next_functions])

# A hook on a node sees the gradients it receives and passes on
tanh_node = node.next_functions[0][0]
tanh_node.register_hook(
    lambda grad_inputs, grad_outputs: print(
        "TanhBackward0 receives",
        grad_outputs[0].tolist(),
        "sends",
        [round(v, 4) for v in grad_inputs[0].tolist()],
    )
)
loss.backward()
print("x.grad:", [round(v, 4) for v in x.grad.tolist()])
