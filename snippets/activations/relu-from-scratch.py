import torch

import nnref

x = torch.tensor([-1.5, 0.0, 2.0], requires_grad=True)
ours = nnref.relu(x)
ours.sum().backward()
print("values:", ours.detach(), "gradient:", x.grad)
print("derivative formula:", nnref.relu_derivative(x.detach()))
