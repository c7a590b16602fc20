"""scripts/screenshot_digest.py: the PNG trimming it relies on, and one real screenshot where
Chromium is installed (skipped elsewhere, as on CI)."""

from __future__ import annotations

import importlib.util
import struct
import zlib

import pytest
from conftest import ROOT
from output_samples import BASE_URL, NOW, SHOWS, ordinary

import feeds
from seasonwatch.models import EmailSettings, SiteSettings

spec = importlib.util.spec_from_file_location("screenshot_digest", ROOT / "scripts" / "screenshot_digest.py")
assert spec and spec.loader
screenshot_digest = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screenshot_digest)


def png(width: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG, each row stored with a different filter to exercise every unfilter."""
    raw = b""
    for number, row in enumerate(rows):
        raw += bytes([number % 5]) + _filtered(number % 5, row, rows[number - 1] if number else bytes(len(row)))
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + b"".join(
        screenshot_digest._chunk(kind, body)
        for kind, body in ((b"IHDR", header), (b"IDAT", zlib.compress(raw)), (b"IEND", b""))
    )


def _filtered(kind: int, row: bytes, up: bytes) -> bytes:
    out = bytearray()
    for i, value in enumerate(row):
        left = row[i - 3] if i >= 3 else 0
        above, corner = up[i], (up[i - 3] if i >= 3 else 0)
        if kind == 4:
            estimate = left + above - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - above), abs(estimate - corner)
            predictor = left if pa <= pb and pa <= pc else above if pb <= pc else corner
        else:
            predictor = [0, left, above, (left + above) >> 1][kind]
        out.append((value - predictor) & 0xFF)
    return bytes(out)


def test_trim_cuts_the_blank_background_below_the_page(tmp_path):
    content = [bytes([(x * 7 + y * 13) % 256 for x in range(12)]) for y in range(6)]
    background = [bytes([240, 241, 243] * 4)] * 60
    path = tmp_path / "shot.png"
    path.write_bytes(png(4, content + background))
    screenshot_digest.trim_png(path, margin=2)
    data = path.read_bytes()
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (4, 8)
    idat = zlib.decompress(data[data.index(b"IDAT") + 4 : -12 - 4])  # filter type 0 on every row
    assert [idat[y * 13 + 1 : (y + 1) * 13] for y in range(6)] == content


@pytest.mark.skipif(screenshot_digest.find_chromium() is None, reason="Chromium is not installed")
def test_a_real_screenshot_of_a_digest(tmp_path):
    site = SiteSettings("Season Watch", BASE_URL, tmp_path)
    digest = feeds.compose(ordinary(), SHOWS, [], site, EmailSettings(recipients=("a@b.example",)), NOW, "sent")
    page = tmp_path / "digest.html"
    page.write_text(digest.html, encoding="utf-8")
    shot = tmp_path / "phone.png"
    screenshot_digest.screenshot(screenshot_digest.find_chromium(), page, shot, 390, 4000, [])
    screenshot_digest.trim_png(shot)
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert width == 390 and 500 < height < 4000  # the whole digest, and no empty screen below it
