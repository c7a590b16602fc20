"""Reading an editor's "Season N: everything we know" article into sections.

A section starts at a Markdown heading of level 2 or deeper ("## Cast") or at a short line of
its own that is a numbered title ("2. Cast"). A level-1 heading, or a short first line standing
alone, is the title. Text before the first section is the lead and counts as content too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsdesk.text import sentences
from seasonwatch.fact_kinds import FACT_KINDS
from seasonwatch.lexicon.forms import fold
from seasonwatch.lexicon.topic_cues import SECTION_STRONG_CUES, SECTION_WEAK_CUES
from seasonwatch.models import Topic

_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_SETEXT = re.compile(r"^(=+|-+)\s*$")
_NUMBERED = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*?)\s*$")
_MARKUP = re.compile(r"(\*\*|__|[*_`]|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,2}[.)])\s+")

@dataclass
class ArticleSection:
    title: str  # as the editor wrote it
    topic: Topic | None
    sentences: list[str] = field(default_factory=list)


@dataclass
class Article:
    title: str
    lead: ArticleSection
    sections: list[ArticleSection]

    @property
    def all_sections(self) -> list[ArticleSection]:
        return [self.lead, *self.sections] if self.lead.sentences else list(self.sections)

    def section_discussing(self, kind: str) -> ArticleSection | None:
        """The section where the editor writes about this kind of fact, if the article says: an
        episode count sits under "Release date" in one article and under "The story" in another."""
        words = FACT_KINDS[kind].discussed_by if kind in FACT_KINDS else ""
        if not words:
            return None
        cue = re.compile(words, re.I)
        own = FACT_KINDS[kind].topic
        counts = [(sum(len(cue.findall(s)) for s in section.sentences), section) for section in self.sections]
        # most mentions; of sections that mention it as often, the one whose title is of its topic
        best = max(counts, key=lambda pair: (pair[0], pair[1].topic == own), default=(0, None))
        return best[1] if best[0] else None

    def section_for(self, topic: Topic) -> ArticleSection | None:
        for section in self.sections:
            if section.topic == topic:
                return section
        return None


def topic_of_title(title: str) -> Topic | None:
    folded = fold(title)
    for table in (SECTION_STRONG_CUES, SECTION_WEAK_CUES):
        for topic, cues in table:
            if any(re.search(rf"\b{cue}", folded) for cue in cues):
                return topic
    return None


def _plain(line: str) -> str:
    return _MARKUP.sub(lambda m: m.group(2) or "", line).strip()


def _is_numbered_title(line: str, next_line: str) -> str | None:
    match = _NUMBERED.match(line)
    if not match:
        return None
    title = _plain(match.group(2))
    words = title.split()
    if not words or len(words) > 8 or len(title) > 60:
        return None
    if title[-1] in ".,;" or title[0].islower():
        return None
    # a numbered list of short items ("1. Mara Quill") is content, not a heading: a title
    # is followed by prose or a blank line, not by the next list item
    if _NUMBERED.match(next_line):
        return None
    return title


def read_article(text: str, fallback_title: str = "") -> Article:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = ""
    lead = ArticleSection(title="Lead", topic=None)
    sections: list[ArticleSection] = []
    current = lead
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(paragraph)
            current.sentences.extend(sentences(joined))
            paragraph.clear()

    index = 0
    first_content_seen = False
    while index < len(lines):
        line = lines[index]
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading is None and stripped and _SETEXT.match(next_line.strip()) and not paragraph:
            level = 1 if next_line.strip().startswith("=") else 2
            heading_text = stripped
            index += 1
        elif heading is not None:
            level, heading_text = len(heading.group(1)), heading.group(2)
        else:
            level, heading_text = 0, ""

        if level == 1 and not title and not sections:
            flush()
            title = _plain(heading_text)
        elif level >= 2:
            flush()
            current = ArticleSection(title=_plain(heading_text), topic=topic_of_title(heading_text))
            sections.append(current)
        elif (numbered := _is_numbered_title(stripped, next_line.strip())) and not paragraph:
            flush()
            current = ArticleSection(title=numbered, topic=topic_of_title(numbered))
            sections.append(current)
        elif not stripped:
            flush()
        elif not first_content_seen and not title and _standalone_title(stripped, next_line):
            title = _plain(stripped)
        elif _LIST_ITEM.match(line):
            flush()  # each list item reads as its own sentence
            paragraph.append(_plain(_LIST_ITEM.sub("", line)))
            flush()
        else:
            paragraph.append(_plain(stripped))
        if stripped:
            first_content_seen = True
        index += 1
    flush()
    return Article(title=title or fallback_title, lead=lead, sections=sections)


def _standalone_title(line: str, next_line: str) -> bool:
    return not next_line.strip() and len(line) <= 100 and len(line.split()) <= 14 and not line.endswith(".")
