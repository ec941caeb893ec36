def test_a_labelled_numeric_date_line_is_the_publication_date():
    from newsprism.clean import clean_document
    from newsprism.model import Document

    doc = Document(
        path="a.txt", format="text", raw="POSTED: 04/02/07, 9:00 PM PDT |\n\nThe jury met on Tuesday.\n"
    )
    art = clean_document(doc)
    assert art.published == "2007-04-02" and art.published_source == "text-date-line"
    assert art.text.startswith("The jury met")
    plain = clean_document(Document(path="b.txt", format="text", raw="The score was 4/2/07 at the break.\n"))
    assert plain.published is None  # an unlabelled number pair is no date line
