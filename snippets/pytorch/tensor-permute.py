import torch

images = torch.zeros(8, 32, 32, 3)  # channels-last (N, H, W, C), e.g. from an image library
nchw = images.permute(0, 3, 1, 2)  # to PyTorch's (N, C, H, W)
print(tuple(nchw.shape), nchw.stride(), nchw.is_contiguous())
print("shares memory:", nchw.data_ptr() == images.data_ptr())

m = torch.arange(6).reshape(2, 3)
print(m.T.tolist(), tuple(m.transpose(0, 1).shape))  # .T and transpose(0, 1) on a matrix
batch = torch.zeros(5, 2, 3)
print(tuple(batch.mT.shape), tuple(batch.transpose(-2, -1).shape))  # batched matrices
print(tuple(nchw.permute(0, 2, 3, 1).shape), torch.equal(nchw.permute(0, 2, 3, 1), images))
