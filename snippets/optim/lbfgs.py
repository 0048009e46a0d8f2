import torch

torch.manual_seed(0)

# A full-batch least-squares problem: 200 examples, 5 features
x = torch.randn(200, 5)
y = x @ torch.tensor([1.0, -2.0, 0.5, 3.0, 0.0]) + 0.1 * torch.randn(200)
model = torch.nn.Linear(5, 1)
optimizer = torch.optim.LBFGS(model.parameters())  # lr=1, max_iter=20, history_size=100


def closure():  # L-BFGS calls it several times per step
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x).squeeze(1), y)
    loss.backward()
    return loss


loss_before = optimizer.step(closure)  # one step = up to max_iter iterations
print("loss before the step:", round(loss_before.item(), 4))
print("loss after one step: ", round(closure().item(), 4))

# The optimum, from the normal equations of the same problem
design = torch.cat([x, torch.ones(200, 1)], dim=1)
solution = torch.linalg.lstsq(design, y.unsqueeze(1)).solution.squeeze(1)
fitted = torch.cat([model.weight.detach().squeeze(0), model.bias.detach()])
print("equal to the least-squares solution:", torch.allclose(fitted, solution, atol=1e-4))

# The whole state sits in the first parameter's entry
state = optimizer.state[optimizer.param_groups[0]["params"][0]]
print("n_iter:", state["n_iter"], " func_evals:", state["func_evals"])
print("stored (s, y) pairs:", len(state["old_dirs"]), " flat length:", state["d"].numel())
print("H_diag = s.y / y.y:", round(float(state["H_diag"]), 4))
