"""An item's facts: what its headline states, with the part its summary adds."""

from __future__ import annotations

from newsdesk import rulebooks
from newsdesk.example_shows import REFERENCE
from newsdesk.extract.item import item_facts
from seasonwatch.models import Fact


def _facts(title: str, summary: str) -> list[Fact]:
    return list(item_facts(title, summary, rulebooks._context(title), REFERENCE).all)


def test_a_pronoun_in_the_summary_is_the_one_person_the_headline_names() -> None:
    found = _facts("Nadia Sorel's Role in Hollow Creek Season 2 Revealed", "Via another outlet: she plays Mara Quill.")
    assert [(f.kind, f.subject, f.value) for f in found] == [("cast", "Nadia Sorel", "Mara Quill")]


def test_a_pronoun_is_given_a_part_only_under_a_headline_about_one_person_s_part() -> None:
    # "Nadia Sorel and Ezra Vance join...": which of them "she" is, the text does not say
    found = _facts("Nadia Sorel and Ezra Vance join Hollow Creek season 2", "She plays Mara Quill.")
    assert all(f.value != "Mara Quill" for f in found), found
