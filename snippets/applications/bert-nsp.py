import torch

from nnref.text.bert import nsp_pairs, pair_input

CLS, SEP = 1, 2
documents = [  # two documents, sentences of token ids
    [[10, 11, 12], [13, 14], [15, 16, 17], [18, 19]],
    [[50, 51], [52, 53, 54], [55, 56]],
]
pairs = nsp_pairs(documents, generator=torch.Generator().manual_seed(0))
for a, b, label in pairs:
    print(a, b, "IsNext" if label == 0 else "NotNext")

input_ids, token_type_ids = pair_input(pairs[0][0], pairs[0][1], cls_id=CLS, sep_id=SEP)
print("input_ids:     ", input_ids.tolist())
print("token_type_ids:", token_type_ids.tolist())

# Over many documents, half of the pairs are IsNext
generator = torch.Generator().manual_seed(1)
many = [[[d, s] for s in range(20)] for d in range(100)]
labels = torch.tensor([label for _, _, label in nsp_pairs(many, generator=generator)])
print(f"{len(labels)} pairs, IsNext share {(labels == 0).float().mean():.3f}")
