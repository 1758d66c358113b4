"""Code-point offsets to LSP positions and back, in each encoding, on the lines where they differ."""

from __future__ import annotations

import pytest

from postlint.lsp.positions import UTF8, UTF16, UTF32, PositionMap

TEXT = "ab\r\n😀 weâ€™re\rlast 👩‍💻 é\n"


@pytest.mark.parametrize(
    ("encoding", "units"),
    [(UTF16, lambda s: len(s.encode("utf-16-le")) // 2), (UTF8, lambda s: len(s.encode())), (UTF32, len)],
)
def test_round_trip_on_every_offset(encoding: str, units) -> None:  # type: ignore[no-untyped-def]
    positions = PositionMap(TEXT, encoding)
    lines = ["ab", "😀 weâ€™re", "last 👩‍💻 é", ""]
    starts = [0, 4, 14, 25]
    for line, (start, content) in enumerate(zip(starts, lines, strict=True)):
        for column in range(len(content) + 1):
            offset = start + column
            assert positions.position(offset) == (line, units(content[:column]))
            assert positions.offset(line, units(content[:column])) == offset


def test_out_of_range_positions_clamp() -> None:
    positions = PositionMap(TEXT)
    assert positions.offset(0, 99) == 2  # past the end of a line: its end, before the line break
    assert positions.offset(99, 0) == len(TEXT)
    assert positions.position(3) == (0, 2)  # between '\r' and '\n': the end of the line
    assert positions.end == (3, 0)
