"""Who said what: quote detection, the speaker attribution cascade, speaker identity.

    from newsprism.quotes import extract_quotes, merge_speakers
    quotes = extract_quotes(article, doc)          # one parsed article
    quotes, speakers = merge_speakers(all_quotes)  # one canonical name per speaker

The pipeline stage is :func:`newsprism.quotes.stage.quotes_stage`; detection rules are
documented in :mod:`.detect`, the cascade in :mod:`.attribute`, identity in
:mod:`.identity` and :mod:`.speakers`.
"""

from newsprism.quotes.extract import extract_quotes
from newsprism.quotes.identity import fold
from newsprism.quotes.marks import find_marked_spans
from newsprism.quotes.speakers import merge_speakers

__all__ = ["extract_quotes", "find_marked_spans", "fold", "merge_speakers"]
