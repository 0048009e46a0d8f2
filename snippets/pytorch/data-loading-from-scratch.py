import torch
from torch.utils.data import DataLoader, TensorDataset

from nnref.data.loader import Loader, default_collate

data = TensorDataset(torch.randn(11, 3), torch.arange(11))

for shuffle, drop_last in [(False, False), (True, False), (True, True)]:
    ours = Loader(data, 4, shuffle, drop_last, generator=torch.Generator().manual_seed(5))
    theirs = DataLoader(
        data, 4, shuffle, drop_last=drop_last, generator=torch.Generator().manual_seed(5)
    )
    same = all(
        torch.equal(a[0], b[0]) and torch.equal(a[1], b[1])
        for _ in range(3)  # three epochs: the generators advance alike
        for a, b in zip(ours, theirs, strict=True)
    )
    sizes = [len(y) for _, y in ours]
    print(f"shuffle={shuffle!s:5} drop_last={drop_last!s:5} sizes {sizes} same batches: {same}")

nested = [{"x": torch.ones(2), "pair": (1, 2.5)}, {"x": torch.zeros(2), "pair": (3, 4.5)}]
ours, theirs = default_collate(nested), torch.utils.data.default_collate(nested)
print("nested collate:", ours["pair"][1].dtype, torch.equal(ours["x"], theirs["x"]))
