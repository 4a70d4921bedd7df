"""Language data of the temporal stage: words and what they mean, one package per language.

Like ``spacy/lang/en/``, the vocabulary lives apart from the rules: the
tagger's regular expressions are grammar built from these tables, the
labels read their words from here, and a new word is a one-line change
that touches no rule.
"""
