"""All mapped classes; importing this package registers every table on ``Base.metadata``."""

from pantidesk.db.models.accounts import Setting, User
from pantidesk.db.models.audit import AuditLog
from pantidesk.db.models.case import Assessment, Discharge, Intake, Stay
from pantidesk.db.models.person import (
    Attachment,
    DuplicateReview,
    FamilyContact,
    Person,
    PersonSearchToken,
)
from pantidesk.db.models.reference import AtensiComponentRow, Panti, PpksTypeRow, Region, SpmItemRow
from pantidesk.db.models.sync import ChangeLog, SyncState

__all__ = [
    "Assessment",
    "AtensiComponentRow",
    "Attachment",
    "AuditLog",
    "ChangeLog",
    "Discharge",
    "DuplicateReview",
    "FamilyContact",
    "Intake",
    "Panti",
    "Person",
    "PersonSearchToken",
    "PpksTypeRow",
    "Region",
    "Setting",
    "SpmItemRow",
    "Stay",
    "SyncState",
    "User",
]
