"""The compare stage has the quotes embedded ahead, on the embedder's background thread, while
alignment runs: exactly the texts quote grouping then asks for."""

from newsprism.compare.stage import compare_stage, set_embedder
from newsprism.nlp.embed import LexicalEmbedder
from newsprism.pipeline import Analysis
from newsprism.quotes.stage import quotes_stage
from newsprism.settings import Settings
from tests.conftest import make_article


class AheadRecorder(LexicalEmbedder):
    """A lexical embedder that records what it is asked to embed ahead and later."""

    def __init__(self) -> None:
        super().__init__()
        self.ahead: list[list[str]] = []
        self.asked: list[list[str]] = []

    def embed(self, texts):
        self.asked.append(list(texts))
        return super().embed(texts)

    def embed_ahead(self, texts) -> None:
        self.ahead.append(list(texts))

    def end_ahead(self) -> None:
        pass


def test_the_quotes_grouped_last_are_embedded_ahead():
    articles = (
        make_article('"We will rebuild the bridge by spring," Mayor Ada Lind said on Monday.', outlet="A"),
        make_article('Mayor Ada Lind said: "We will rebuild the bridge by spring."', outlet="B"),
    )
    settings = Settings()
    analysis = quotes_stage(Analysis(articles=articles), settings)
    recorder = AheadRecorder()
    set_embedder(recorder)
    try:
        compare_stage(analysis, settings)
    finally:
        set_embedder(None)
    assert len(recorder.ahead) == 1 and recorder.ahead[0]
    assert recorder.asked[-1] == recorder.ahead[0]  # quote grouping, the last to embed
    assert all("rebuild the bridge" in t for t in recorder.ahead[0])
