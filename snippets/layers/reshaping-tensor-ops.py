import torch

x = torch.arange(24.0).reshape(2, 3, 4)


def report(name, result, source):
    """Print the shape, and whether the result shares the memory of its source (a view)."""
    shares = result.untyped_storage().data_ptr() == source.untyped_storage().data_ptr()
    print(f"{name:<22} {tuple(result.shape)!s:<12} {'view' if shares else 'copy'}")


report("reshape(6, 4)", x.reshape(6, 4), x)
report("view(6, 4)", x.view(6, 4), x)
report("flatten(1)", x.flatten(1), x)
report("flatten()", x.flatten(), x)
flat = x.flatten(1)
report("unflatten(1, (3, 4))", flat.unflatten(1, (3, 4)), flat)
y = torch.zeros(2, 1, 4)
report("squeeze(1)", y.squeeze(1), y)
report("squeeze(0): size 2", y.squeeze(0), y)  # not size 1: unchanged
m = torch.zeros(2, 4)
report("unsqueeze(0)", m.unsqueeze(0), m)
report("unsqueeze(-1)", m.unsqueeze(-1), m)
report("permute(2, 0, 1)", x.permute(2, 0, 1), x)
report("transpose(1, 2)", x.transpose(1, 2), x)
print("contiguous after permute:", x.permute(2, 0, 1).is_contiguous())
col = torch.zeros(3, 1)
report("expand(3, 4)", col.expand(3, 4), col)
print("expand strides:", col.expand(3, 4).stride())
report("repeat(1, 4)", col.repeat(1, 4), col)
a, b = torch.zeros(2, 3), torch.ones(2, 3)
report("cat dim=0", torch.cat([a, b], dim=0), a)
report("stack dim=0", torch.stack([a, b], dim=0), a)
six = torch.zeros(6, 3)
print("chunk(3):", [tuple(t.shape) for t in six.chunk(3, dim=0)])
five = torch.zeros(5, 3)
print("split(2):", [tuple(t.shape) for t in five.split(2, dim=0)])
report("sum(dim=1)", x.sum(dim=1), x)
report("sum(1, keepdim=True)", x.sum(dim=1, keepdim=True), x)
report("sum()", x.sum(), x)
values, indices = x.max(dim=1)
print("max(dim=1):", tuple(values.shape), tuple(indices.shape), indices.dtype)
try:
    x.transpose(1, 2).view(2, 12)
except RuntimeError as error:
    print("view after transpose:", str(error).split(".")[0])
