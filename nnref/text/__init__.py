"""Text from scratch: the site's own corpus, co-occurrence matrices, word vectors by SVD, word2vec
(CBOW and skip-gram with negative sampling) and BERT's pre-training data, checked against torch.

Import from the modules (``from nnref.text.word2vec import ...``).
"""
