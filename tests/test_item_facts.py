"""An item's facts: what its headline states, with the part its summary adds."""

from __future__ import annotations

from newsdesk import rulebooks
from newsdesk.desk import decide
from newsdesk.example_shows import ARTICLES, REFERENCE
from newsdesk.extract.item import item_facts
from seasonwatch.models import Fact, History


def _facts(title: str, summary: str) -> list[Fact]:
    return list(item_facts(title, summary, rulebooks._context(title), REFERENCE).all)


def test_a_pronoun_in_the_summary_is_the_one_person_the_headline_names() -> None:
    found = _facts("Nadia Sorel's Role in Hollow Creek Season 2 Revealed", "Via another outlet: she plays Mara Quill.")
    assert [(f.kind, f.subject, f.value) for f in found] == [("cast", "Nadia Sorel", "Mara Quill")]


def test_a_pronoun_is_given_a_part_only_under_a_headline_about_one_person_s_part() -> None:
    # "Nadia Sorel and Ezra Vance join...": which of them "she" is, the text does not say
    found = _facts("Nadia Sorel and Ezra Vance join Hollow Creek season 2", "She plays Mara Quill.")
    assert all(f.value != "Mara Quill" for f in found), found


def _premiere_reason(text: str) -> str:
    show = rulebooks._show_of(text)
    decision = decide([show], {show.name: ARTICLES[show.name]}, [rulebooks._update(text)], [], History(), REFERENCE)
    [verdict] = decision.verdicts
    return verdict.reason


def test_verbose_says_when_a_date_s_year_was_taken_from_the_report_s_date() -> None:
    # an editor checking "November 3, 2031" must see that no outlet wrote 2031
    assert "its year not written" in _premiere_reason("Hollow Creek Season 2 Sets Nov. 3 Return")


def test_a_headline_s_day_takes_its_written_year_from_the_summary() -> None:
    text = "Hollow Creek Season 2 Sets Nov. 3 Return || The series returns November 3, 2031."
    [fact] = [f for f in _facts(*text.split(" || ")) if f.kind == "premiere"]
    assert (fact.value, fact.year_from_day) == ("2031-11-03", False)
    assert "its year not written" not in _premiere_reason(text)


def test_she_s_and_a_name_under_a_headline_about_one_person_s_part_is_the_part() -> None:
    found = _facts("Hollow Creek Season 2: Tobias Renn's Mystery Role Finally Revealed", "He's Wade, the sheriff's brother.")
    assert [(f.kind, f.subject, f.value) for f in found] == [("cast", "Tobias Renn", "Wade")]


def test_a_showrunner_who_steps_down_leaves_and_is_no_new_showrunner() -> None:
    found = _facts("Hollow Creek Showrunner Lena Morrow Steps Down", "")
    assert [(f.kind, f.subject, f.value) for f in found] == [("showrunner", "Lena Morrow", "leaves")]
