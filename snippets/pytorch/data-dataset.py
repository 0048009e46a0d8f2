import torch
from torch.utils.data import ConcatDataset, Dataset


class Squares(Dataset):
    """A map-style dataset: sample i is (i, i**2), computed on demand."""

    def __init__(self, n, transform=None):
        self.n = n
        self.transform = transform

    def __len__(self):
        return self.n

    def __getitem__(self, index):
        if not 0 <= index < self.n:
            raise IndexError(index)
        x = torch.tensor([float(index)])
        if self.transform is not None:
            x = self.transform(x)
        return x, index**2


data = Squares(5)
print("len:", len(data))
print("data[3]:", data[3])
print("iterable via __getitem__:", [y for _, y in data])  # stops at IndexError

scaled = Squares(5, transform=lambda x: x / 4)
print("with a transform:", scaled[2][0])

both = ConcatDataset([Squares(3), Squares(2)])
print("ConcatDataset len:", len(both), "| both[3]:", both[3])
