import torch

# Parameters stored in float16 (model.half()): eps=1e-8 and squares of small gradients
# are below the smallest float16 number and become exactly 0
print("eps in float16:", torch.tensor(1e-8, dtype=torch.float16).item())
for dtype in (torch.float16, torch.float32):
    w = torch.ones(3, dtype=dtype, requires_grad=True)
    optimizer = torch.optim.RMSprop([w], lr=0.01)
    w.grad = torch.tensor([1.0, 1e-4, 0.0], dtype=dtype)  # a normal, a small and a zero gradient
    optimizer.step()
    print(f"{dtype!s:14s} w after one step: {[round(x, 4) for x in w.tolist()]}")
