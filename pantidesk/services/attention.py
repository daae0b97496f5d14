"""What needs attention today, for Beranda (issue 4 item 7).

Each area contributes its own items (reviews due, documents pending, residents overdue from leave,
absconded residents) through a function ``attention_items(session, panti_code, today)`` in its
service module; this module only defines the shape and gathers them. Overdue means "due date set
and done date empty" (DESIGN.md §4).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from sqlalchemy.orm import Session


class Urgency(IntEnum):
    """Sort order on Beranda: overdue first."""

    OVERDUE = 0
    TODAY = 1
    SOON = 2


@dataclass(frozen=True)
class AttentionItem:
    """One line of the Beranda list: who, what, since or until when, and where to act."""

    kind: str  # a stable key per source, e.g. "review_due", "document_pending"
    urgency: Urgency
    person_id: str
    person_name: str
    no_induk: str
    text: str  # translated, ready to show
    due: dt.date | None
    area: str  # the main-window area that acts on it (its untranslated title)


Provider = Callable[[Session, str, dt.date], list[AttentionItem]]


def providers() -> tuple[Provider, ...]:
    """The areas that contribute items; imported here, late, because they import this module."""
    from pantidesk.services import absences, careplan_reviews, documents, health_log, roll_call

    return (careplan_reviews.attention_items, documents.attention_items,
            absences.attention_items, roll_call.attention_items, health_log.attention_items)


def gather(session: Session, panti_code: str, today: dt.date) -> tuple[AttentionItem, ...]:
    """Everything that needs attention in the panti today: overdue first, then by date, name."""
    items = [item for provider in providers() for item in provider(session, panti_code, today)]
    items.sort(key=lambda i: (i.urgency, i.due or today, i.person_name))
    return tuple(items)
