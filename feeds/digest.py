"""The digest e-mail: one message per run that found news, composed once and stored until sent.

multipart/alternative with text/plain first and text/html last; CSS inlined for clients that
drop <style>; headline index on top; stories grouped by show then section; every source linked;
the sources that failed this run; Message-ID, Date and List-Unsubscribe headers.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, parseaddr

import css_inline

from feeds.desk_views import digest_desk
from feeds.entries import StoryView, failed_sources, present_all, site_title, site_url
from feeds.grouping import by_show_and_section, in_reading_order
from feeds.templating import environment, text_environment
from seasonwatch.models import DeskReview, Digest, EmailSettings, ShowSpec, SiteSettings, SourceReport, Story

# most clients show 40 to 80 characters of a subject: the first headlines and a count say enough
SUBJECT_LIMIT = 110


def digest_id(moment: datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%SZ")


def subject_line(views: list[StoryView]) -> str:
    """ "3 new: Jessica Jones premiere date set, Janet McTeer joins …, and 1 more"."""
    count = len(views)
    head = f"{count} new: "
    parts: list[str] = []
    for index, view in enumerate(views):
        piece = view.headline
        remaining = count - index - 1
        tail = f", and {remaining} more" if remaining else ""
        candidate = head + ", ".join([*parts, piece]) + tail
        if len(candidate) > SUBJECT_LIMIT and parts:
            return head + ", ".join(parts) + f", and {count - index} more"
        if len(candidate) > SUBJECT_LIMIT:
            cut = SUBJECT_LIMIT - len(head) - len(tail) - 1
            return head + piece[:cut].rstrip() + "…" + tail
        parts.append(piece)
    return head + ", ".join(parts)


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
    desk: DeskReview | None = None,
) -> Digest:
    # grouped once: the body shows the groups, the subject, the index and story_ids their order
    groups = by_show_and_section(present_all(stories, site), shows)
    views = in_reading_order(groups)
    subject = subject_line(views)
    unsubscribe = unsubscribe_target(site, email)
    title = site_title(site)
    context = {
        "title": title,
        "subject": subject,
        "stories": views,
        "groups": groups,
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
        story_ids=[v.id for v in views],
        status=status,
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
    message["Subject"] = subject
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
