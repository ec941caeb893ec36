"""Corpus mode: group a stream of articles into stories, incrementally and with stable ids.

    features ─► vector (TF-IDF) ─► blocking (inverted index) ─► decide (profile cosine, dates)

See :class:`StoryIndex` for the incremental API and :func:`cluster` for one shot.
"""

from newsprism.stories.features import ArticleFeatures, fast_features, spacy_features
from newsprism.stories.index import Assignment, StoryIndex, cluster, extract_features, story_id_for

__all__ = [
    "ArticleFeatures",
    "Assignment",
    "StoryIndex",
    "cluster",
    "extract_features",
    "fast_features",
    "spacy_features",
    "story_id_for",
]
