import torch

scores = torch.tensor([[0.5, 2.0, -1.0], [3.0, 0.25, -0.5]])  # (batch, classes)

print(torch.max(scores))  # no dim: the largest value, a 0-d tensor
result = torch.max(scores, dim=1)  # with dim: (values, indices)
print(result.values.tolist(), result.indices.tolist())
values, indices = torch.max(scores, dim=1, keepdim=True)
print(tuple(values.shape), tuple(indices.shape), indices.dtype)
print(torch.argmax(scores, dim=1).tolist())  # the predicted classes
print(torch.max(scores, torch.zeros(2, 3)).tolist())  # two tensors: elementwise maximum
