import torch

ids = torch.tensor([10, 11, 12, 13, 14, 15])  # one sentence
window = 2
windows = ids.unfold(0, 2 * window + 1, 1)  # (dimension, size, step): a view
print("windows:", tuple(windows.shape))
print(windows)
centres = windows[:, window]
contexts = torch.cat([windows[:, :window], windows[:, window + 1 :]], dim=1)
print("centres:", centres.tolist())
print("contexts:", contexts.tolist())
print("shares memory:", windows.untyped_storage().data_ptr() == ids.untyped_storage().data_ptr())
