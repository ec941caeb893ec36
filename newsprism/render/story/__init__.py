"""The story view shared by the web app and the self-contained HTML report: the brief as
template data (:mod:`view`), chart geometry, reader-facing labels, article text segments,
and the Jinja templates that draw them."""
