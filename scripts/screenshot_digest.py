"""Screenshots of the digest as a reader sees it: light, dark and on a phone, in headless Chromium.

    python scripts/screenshot_digest.py [DIGEST.html] [--out DIR]

Without a file it runs the offline demo in a temporary folder and shots its newest digest. The
PNGs are for a person to look at (does the layout read well, is every colour legible in dark
mode, does nothing overflow on a phone); nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# name -> (window width, window height, extra Chromium switches, drop <style>)
VIEWS: dict[str, tuple[int, int, list[str], bool]] = {
    "light": (900, 4000, [], False),
    # --force-dark-mode makes the page see prefers-color-scheme: dark, as a mail client in dark mode
    "dark": (900, 4000, ["--force-dark-mode"], False),
    "phone": (390, 6000, [], False),
    "phone-dark": (390, 6000, ["--force-dark-mode"], False),
    # as Gmail's web client shows it when it drops <style>: only the inlined styles are left
    "no-style": (900, 4000, [], True),
}
_STYLE_ELEMENT = re.compile(r"<style\b.*?</style>", re.S | re.I)


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def demo_digest(work: Path) -> Path:
    """Run the offline demo in `work` and return its newest digest page."""
    subprocess.run([sys.executable, str(ROOT / "run.py"), "--demo", "-q"], cwd=work, check=True)
    pages = list((work / "seasonwatch-demo" / "public" / "digests").glob("*.html"))
    if not pages:
        raise SystemExit("the demo wrote no digest")
    # the digest with the most stories (the first day's) is the better picture of the grouping
    return max(pages, key=lambda page: page.read_text(encoding="utf-8").count('class="story"'))


def screenshot(chromium: str, page: Path, png: Path, width: int, height: int, switches: list[str]) -> None:
    with tempfile.TemporaryDirectory(prefix="sw-chromium-") as profile:
        command = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--window-size={width},{height}",
            f"--screenshot={png}",
            *switches,
            page.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=120)


def trim_png(png: Path, margin: int = 24) -> None:
    """Cut the empty background below the page: the window is taller than any digest, and a
    screenshot that is mostly blank is hard to read. Chromium writes 8-bit RGB(A), not interlaced."""
    data = png.read_bytes()
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunks.append((kind, data[offset + 8 : offset + 8 + length]))
        offset += 12 + length
    header = next(body for kind, body in chunks if kind == b"IHDR")
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    if depth != 8 or colour not in (2, 6) or interlace:
        return  # not what Chromium writes: leave it alone
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    rows, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        row = _unfilter(line[0], bytearray(line[1:]), previous, channels)
        rows.append(bytes(row))
        previous = row
    background = rows[-1]
    last = max((y for y, row in enumerate(rows) if row != background), default=height - 1)
    keep = min(height, last + 1 + margin)
    if keep >= height:
        return
    payload = b"".join(b"\x00" + row for row in rows[:keep])
    header = struct.pack(">IIBBBBB", width, keep, 8, colour, 0, 0, 0)
    out = (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(payload, 6))
        + _chunk(b"IEND", b"")
    )
    png.write_bytes(out)


def _unfilter(kind: int, row: bytearray, up: bytearray, bpp: int) -> bytearray:
    for i in range(len(row)):
        left = row[i - bpp] if i >= bpp else 0
        above = up[i]
        corner = up[i - bpp] if i >= bpp else 0
        if kind == 1:
            row[i] = (row[i] + left) & 0xFF
        elif kind == 2:
            row[i] = (row[i] + above) & 0xFF
        elif kind == 3:
            row[i] = (row[i] + ((left + above) >> 1)) & 0xFF
        elif kind == 4:
            estimate = left + above - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - above), abs(estimate - corner)
            predictor = left if pa <= pb and pa <= pc else above if pb <= pc else corner
            row[i] = (row[i] + predictor) & 0xFF
    return row


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("digest", nargs="?", type=Path, help="a digests/<timestamp>.html page (default: the demo's)")
    parser.add_argument("--out", type=Path, default=Path("screenshots"), help="where the PNGs go")
    args = parser.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("chromium is not installed: nothing to do", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sw-demo-") as work:
        page = args.digest or demo_digest(Path(work))
        unstyled = Path(work) / "digest-without-style.html"
        unstyled.write_text(_STYLE_ELEMENT.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
        for name, (width, height, switches, drop_style) in VIEWS.items():
            png = args.out / f"digest-{name}.png"
            screenshot(chromium, unstyled if drop_style else page, png.resolve(), width, height, switches)
            trim_png(png)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
