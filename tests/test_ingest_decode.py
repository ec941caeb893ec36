import codecs

import pytest

from newsprism.errors import BinaryInputError, EmptyInputError
from newsprism.ingest.decode import decode_bytes, repair_mojibake

TEXT = "Peskov’s “decisions” — café in Kyiv"


def test_utf8_is_read_as_is():
    assert decode_bytes("a.txt", TEXT.encode("utf-8")) == (TEXT, "utf-8")


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")],
)
def test_byte_order_marks_choose_the_encoding(bom, encoding):
    text, used = decode_bytes("a.txt", bom + TEXT.encode(encoding))
    assert text == TEXT
    assert used == encoding


def test_cp1252_bytes_fall_back_to_cp1252():
    text, used = decode_bytes("a.txt", TEXT.encode("cp1252"))
    assert text == TEXT
    assert used == "cp1252"


def test_mojibake_is_repaired():
    broken = TEXT.encode("utf-8").decode("cp1252", errors="replace")
    assert broken != TEXT
    assert repair_mojibake(broken) == TEXT
    text, used = decode_bytes("a.txt", broken.encode("utf-8"))
    assert text == TEXT
    assert used.endswith("mojibake-repaired")


def test_clean_text_is_not_touched_by_repair():
    assert (
        repair_mojibake("Ã is a letter in Portuguese names like João")
        == "Ã is a letter in Portuguese names like João"
    )


def test_binary_and_empty_are_refused():
    with pytest.raises(BinaryInputError) as err:
        decode_bytes("x.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)))
    assert "x.bin" in err.value.line()
    with pytest.raises(EmptyInputError):
        decode_bytes("e.txt", b"  \n\n ")
