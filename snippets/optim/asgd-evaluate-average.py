import torch

torch.manual_seed(0)
x = torch.randn(512, 2)
y = x @ torch.tensor([2.0, -1.0]) + 0.5 * torch.randn(512)
w = torch.zeros(2, requires_grad=True)
optimizer = torch.optim.ASGD([w], lr=0.05, t0=100)

for _ in range(1000):
    batch = torch.randint(0, 512, (4,))
    optimizer.zero_grad()
    torch.nn.functional.mse_loss(x[batch] @ w, y[batch]).backward()
    optimizer.step()

best = torch.linalg.lstsq(x, y.unsqueeze(1)).solution.squeeze(1)
average = optimizer.state[w]["ax"]
print("distance to the least-squares solution")
print(f"  last iterate w (what the model holds): {(w.detach() - best).norm():.4f}")
print(f"  average state['ax']:                   {(average - best).norm():.4f}")

# Evaluate with the average: swap it in, then swap the iterate back to go on training
with torch.no_grad():
    iterate = w.clone()
    w.copy_(average)
    print(f"  full-data loss with the average:       {torch.nn.functional.mse_loss(x @ w, y):.4f}")
    w.copy_(iterate)
