"""The digest e-mail: one message per run that found news, composed once and stored until sent.

multipart/alternative with text/plain first and text/html last; CSS inlined for clients that
drop <style>; headline index on top; stories grouped by show then section; every source linked;
the sources that failed this run; Message-ID, Date and List-Unsubscribe headers.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr
from html import escape

import css_inline

from feeds.desk_views import digest_desk
from feeds.entries import StoryView, failed_sources, present, present_all, site_title, site_url
from feeds.grouping import by_show_and_section, in_reading_order
from feeds.mailer import Subject
from feeds.templating import environment, text_environment
from seasonwatch.models import (
    DeskReview,
    Digest,
    EmailSettings,
    ShowSpec,
    SiteSettings,
    SourceReport,
    Story,
    StorySource,
)

# most clients show 40 to 80 characters of a subject: the first headlines and a count say enough
SUBJECT_LIMIT = 110


def digest_id(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def subject_line(views: list[StoryView], updated: int = 0, label: str = "new") -> str:
    """ "3 new: Jessica Jones premiere date set, Janet McTeer joins …, and 1 more"; with `updated`
    earlier stories that gained sources, "… (+2 updated)"; with no new story, `views` are those
    and `label` says so ("2 updated: …")."""
    suffix = f" (+{updated} updated)" if updated else ""
    limit = SUBJECT_LIMIT - len(suffix)
    count = len(views)
    head = f"{count} {label}: "
    parts: list[str] = []
    for index, view in enumerate(views):
        piece = view.headline
        remaining = count - index - 1
        tail = f", and {remaining} more" if remaining else ""
        candidate = head + ", ".join([*parts, piece]) + tail
        if len(candidate) > limit and parts:
            return head + ", ".join(parts) + f", and {count - index} more" + suffix
        if len(candidate) > limit:
            cut = limit - len(head) - len(tail) - 1
            return head + piece[:cut].rstrip() + "…" + tail + suffix
        parts.append(piece)
    return head + ", ".join(parts) + suffix


def unsubscribe_target(site: SiteSettings, email: EmailSettings) -> str:
    if site.unsubscribe_url:
        return site.unsubscribe_url
    address = parseaddr(email.sender)[1] or "digest@example.org"
    return f"mailto:{address}?subject=unsubscribe"


def compose(
    stories: list[Story],
    shows: list[ShowSpec],
    reports: list[SourceReport],
    site: SiteSettings,
    email: EmailSettings,
    created: datetime,
    status: str,
    identifier: str | None = None,
    followups: Sequence[tuple[Story, list[StorySource]]] = (),
    desk: DeskReview | None = None,
) -> Digest:
    """The digest of `stories` (new this run) and of `followups`: earlier stories with the
    sources this run added to them, a late report or a confirmation the editor should hear of."""
    # grouped once: the body shows the groups, the subject, the index and story_ids their order
    groups = by_show_and_section(present_all(stories, site), shows)
    views = in_reading_order(groups)
    # the headline links to the story's first source; the list shows only the sources it gained.
    # In the order of the news above them: shows as configured, sections in article order
    gained = {story.id: present(replace(story, sources=added), site).sources for story, added in followups}
    followup_views = in_reading_order(by_show_and_section(present_all([story for story, _ in followups], site), shows))
    updates = [(view, gained[view.id]) for view in followup_views]
    subject = (
        subject_line(views, updated=len(updates))
        if views
        else subject_line([view for view, _ in updates], label="updated")
    )
    unsubscribe = unsubscribe_target(site, email)
    title = site_title(site)
    context = {
        "title": title,
        "subject": subject,
        "stories": views,
        "groups": groups,
        "updates": updates,
        "failed": failed_sources(reports),
        "created": created,
        "unsubscribe": unsubscribe,
        "site_url": site.base_url,
        # the editor's desk: compact boards and new conflicts on top, new suggestions after the stories
        "desk": digest_desk(desk, shows),
        "site_link": lambda path: site_url(site, path),
    }
    raw_html = environment().get_template("digest.html.j2").render(**context)
    # keep <style> too: clients that honour it get dark mode and the phone layout
    html = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False).inline(raw_html)
    text = text_environment().get_template("digest.txt.j2").render(**context)
    identifier = identifier or digest_id(created)
    message = _message(subject, text, html, email, title, unsubscribe, created, identifier)
    return Digest(
        id=identifier,
        created=created,
        subject=subject,
        html=html,
        text=text,
        message=message,
        story_ids=[v.id for v in views] + [view.id for view, _ in updates],
        status=status,
    )


def compose_test(site: SiteSettings, email: EmailSettings, created: datetime) -> bytes:
    """A short message with a digest's headers, for `seasonwatch check --send-test`: if it
    arrives, digests will."""
    title = site_title(site)
    server = f"{email.smtp_host}:{email.smtp_port}"
    text = (
        f"This is a test message from {title}, sent by `seasonwatch check --send-test` "
        f"on {created:%Y-%m-%d at %H:%M} UTC through {server}.\n\n"
        "If you are reading it, the digests will reach you the same way.\n"
    )
    html = f"<!DOCTYPE html><html><body><p>{escape(text).replace(chr(10) * 2, '</p><p>')}</p></body></html>"
    unsubscribe = unsubscribe_target(site, email)
    return _message(
        f"{title}: test message", text, html, email, title, unsubscribe, created, f"test-{digest_id(created)}"
    )


def _message(
    subject: str,
    text: str,
    html: str,
    email: EmailSettings,
    title: str,
    unsubscribe: str,
    created: datetime,
    identifier: str,
) -> bytes:
    message = EmailMessage(policy=SMTP)
    sender_address = parseaddr(email.sender)[1]
    domain = sender_address.rpartition("@")[2] or "seasonwatch.invalid"
    message["Subject"] = Subject(subject)  # type: ignore[assignment]
    message["From"] = email.sender
    message["To"] = ", ".join(email.recipients) if email.recipients else "undisclosed-recipients:;"
    message["Date"] = format_datetime(created)
    # composed once and stored, so every delivery attempt carries the same id: a client that sees
    # the message twice can tell. Short enough to stay on one header line.
    message["Message-ID"] = f"<digest-{identifier}.{secrets.token_hex(6)}@{domain}>"
    message["List-Unsubscribe"] = f"<{unsubscribe}>"
    if unsubscribe.startswith("https://"):
        message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"  # RFC 8058 one-click
    message["List-Id"] = f"{_phrase(title)} <digest.{domain}>"
    message["Auto-Submitted"] = "auto-generated"  # RFC 3834: autoresponders must not answer
    message.set_content(text, subtype="plain", charset="utf-8")
    message.add_alternative(html, subtype="html", charset="utf-8")
    return message.as_bytes()


def _phrase(name: str) -> str:
    """A display name that is safe in an address header (quoted when it needs to be)."""
    return str(Address(display_name=name, addr_spec="x@x.invalid")).rpartition(" <")[0]
