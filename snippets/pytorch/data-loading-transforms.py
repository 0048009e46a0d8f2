import torch
from torch.utils.data import DataLoader, Dataset

from nnref.data.transforms import Compose, Normalize, RandomHorizontalFlip, ToDtype

torch.manual_seed(0)
images = torch.randint(0, 256, (8, 3, 4, 4), dtype=torch.uint8)  # 8 RGB images, 4x4 pixels

# A transform is a callable sample -> sample; Compose chains them in list order.
train_transform = Compose(
    [
        ToDtype(torch.float32, scale=True),  # uint8 0..255 -> float 0..1
        RandomHorizontalFlip(p=0.5, generator=torch.Generator().manual_seed(1)),
        Normalize(mean=[0.5, 0.5, 0.5], std=[0.25, 0.25, 0.25]),
    ]
)


class Images(Dataset):
    def __init__(self, images, transform):
        self.images, self.transform = images, transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, i):
        return self.transform(self.images[i])  # applied lazily, anew at every access


x = next(iter(DataLoader(Images(images, train_transform), batch_size=8)))
print("batch:", tuple(x.shape), x.dtype)
print("range:", round(x.min().item(), 2), "to", round(x.max().item(), 2), "(-2 to 2)")

# The same composition written by hand, for image 0:
manual = (images[0].float() / 255 - 0.5) / 0.25
print(
    "image 0 = manual or its mirror:",
    torch.allclose(x[0], manual) or torch.allclose(x[0], manual.flip(-1)),
)
print(train_transform)
