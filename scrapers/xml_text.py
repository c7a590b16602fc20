"""Feed bytes as the publisher meant them, made into XML a strict parser accepts.

Real feeds declare the wrong encoding or none, start with a byte-order mark, blank lines or a
comment before `<?xml`, carry control characters XML forbids, HTML entities XML does not know
(`&nbsp;`) and bare ampersands. Each of those makes a strict XML parser give up; feedparser then
falls back to a loose parser that is slower and reads less. Repairing them first keeps the strict
path for almost every feed; what cannot be repaired (a truncated document) still reaches the
loose parser.
"""

from __future__ import annotations

import codecs
import html.entities
import re

from seasonwatch.markup import strip_control_characters

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
# Encodings servers and feeds claim by default while the bytes are often UTF-8 (Apache's old
# ISO-8859-1 default): valid non-ASCII UTF-8 wins over these labels.
WESTERN_DEFAULT_LABELS = {"iso8859-1", "latin-1", "ascii", "cp1252"}
# For text in Latin script, charset detection guesses among near-identical code pages and is
# often wrong; windows-1252 (the web's default for unlabelled text) is the better guess there.
LATIN_SINGLE_BYTE = {
    "ascii",
    "cp1250",
    "cp1252",
    "cp1254",
    "cp1257",
    "cp850",
    "cp437",
    "mac-roman",
    "mac-latin2",
    "latin-1",
    "iso8859-1",
    "iso8859-2",
    "iso8859-3",
    "iso8859-4",
    "iso8859-9",
    "iso8859-10",
    "iso8859-13",
    "iso8859-14",
    "iso8859-15",
    "iso8859-16",
}
XML_DECLARATION = re.compile(rb"<\?xml\s[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_DECLARATION_TEXT = re.compile(r"<\?xml\s[^>]*\?>")
_CDATA = re.compile(r"(<!\[CDATA\[.*?\]\]>)", re.S)
_AMPERSAND = re.compile(r"&(?:(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)?")
XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}


def codec_name(label: str | None) -> str | None:
    """Python's name for an encoding label, or None if Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in ("gb2312", "gbk", "x-gbk"):
        label = "gb18030"  # a superset: feeds labelled gb2312 use its extra characters
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode(body: bytes, http_charset: str | None = None) -> str:
    """The text: BOM, then the Content-Type charset, then the XML declaration, then UTF-8, then
    a detector for non-Latin scripts, then windows-1252."""
    for bom, encoding in BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(encoding, errors="replace")
    declared = XML_DECLARATION.search(body[:2048])
    for label in (http_charset, declared.group(1).decode("ascii") if declared else None):
        encoding = codec_name(label)
        if encoding is None:
            continue
        if encoding in WESTERN_DEFAULT_LABELS and not body.isascii():
            try:
                return body.decode("utf-8")  # valid UTF-8 beyond ASCII: the label is a default, not a fact
            except UnicodeDecodeError:
                pass
        try:
            return body.decode(encoding)
        except UnicodeDecodeError:
            continue  # a label that does not fit the bytes is a wrong label
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    guess = _detected(body)
    if guess:
        return body.decode(guess, errors="replace")
    return body.decode("cp1252", errors="replace")


def _detected(body: bytes) -> str | None:
    try:
        import charset_normalizer
    except ImportError:  # pragma: no cover - a declared dependency; degrade to windows-1252
        return None
    best = charset_normalizer.from_bytes(body[:200_000]).best()
    encoding = codec_name(best.encoding) if best else None
    return encoding if encoding and encoding not in LATIN_SINGLE_BYTE else None


def repair(text: str) -> str:
    """Well-formed-ish XML text: starts at the document, no forbidden characters, entities XML knows."""
    text = text.lstrip("\ufeff")
    declaration = _DECLARATION_TEXT.search(text, 0, 4096)
    if declaration:
        text = text[declaration.end() :]  # and with it whatever stood before it
    text = strip_control_characters(text).lstrip()
    return "".join(part if part.startswith("<![CDATA[") else _fix_entities(part) for part in _CDATA.split(text))


def _fix_entities(text: str) -> str:
    return _AMPERSAND.sub(_entity, text)


def _entity(match: re.Match[str]) -> str:
    name = match.group(1)
    if name is None:
        return "&amp;"  # a bare ampersand, as in "?a=1&b=2"
    if name.startswith("#"):
        return match.group() if _allowed_in_xml(name) else ""
    if name in XML_ENTITIES:
        return match.group()
    characters = html.entities.html5.get(f"{name};")
    if characters is None:
        return f"&amp;{name};"
    return "".join(f"&#{ord(c)};" for c in characters)


def _allowed_in_xml(reference: str) -> bool:
    """Whether "#233" or "#x1F" names a character XML 1.0 allows."""
    try:
        code = int(reference[2:], 16) if reference[1:2] in ("x", "X") else int(reference[1:])
    except ValueError:
        return False
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def feed_xml(body: bytes, http_charset: str | None = None) -> bytes:
    """The document re-encoded as UTF-8 with a declaration that says so."""
    text = repair(decode(body, http_charset))
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + text).encode("utf-8", errors="replace")
