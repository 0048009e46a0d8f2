import torch
from torch.utils.data import DataLoader, IterableDataset


class Countdown(IterableDataset):
    """A stream: samples come from __iter__, there is no __getitem__ and no index."""

    def __init__(self, start):
        self.start = start

    def __iter__(self):
        for value in range(self.start, 0, -1):
            yield torch.tensor(float(value))


loader = DataLoader(Countdown(7), batch_size=3)
print([batch.tolist() for batch in loader])  # in stream order, the last batch short

try:
    DataLoader(Countdown(7), batch_size=3, shuffle=True)
except ValueError as error:
    print("ValueError:", error)
