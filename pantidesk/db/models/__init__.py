"""All mapped classes; importing this package registers every table on ``Base.metadata``."""

from pantidesk.db.models.accounts import Setting, User
from pantidesk.db.models.audit import AuditLog
from pantidesk.db.models.care import (
    CareGoal,
    CarePlan,
    GoalReview,
    GoalTemplate,
    Intervention,
    PlanReview,
    ProgressNote,
    ProgressNoteCorrection,
)
from pantidesk.db.models.case import Assessment, Discharge, Intake, Stay
from pantidesk.db.models.daily import (
    Absence,
    AbsenceFollowUp,
    HealthEvent,
    Incident,
    RollCall,
    RollCallEntry,
    Room,
)
from pantidesk.db.models.delivery import Distribution, DocumentRequest, ServiceEvent
from pantidesk.db.models.documents import IssuedDocument
from pantidesk.db.models.person import (
    Attachment,
    DuplicateReview,
    FamilyContact,
    Person,
    PersonSearchToken,
)
from pantidesk.db.models.reference import AtensiComponentRow, Panti, PpksTypeRow, Region, SpmItemRow
from pantidesk.db.models.sync import (
    BundleLedger,
    ChangeLog,
    PantiKey,
    ProvinceKey,
    SentBundle,
    SyncState,
)

__all__ = [
    "Absence",
    "AbsenceFollowUp",
    "Assessment",
    "AtensiComponentRow",
    "Attachment",
    "AuditLog",
    "BundleLedger",
    "CareGoal",
    "CarePlan",
    "ChangeLog",
    "Discharge",
    "Distribution",
    "DocumentRequest",
    "DuplicateReview",
    "FamilyContact",
    "GoalReview",
    "GoalTemplate",
    "HealthEvent",
    "Incident",
    "Intake",
    "Intervention",
    "IssuedDocument",
    "Panti",
    "PantiKey",
    "Person",
    "PersonSearchToken",
    "PlanReview",
    "PpksTypeRow",
    "ProgressNote",
    "ProgressNoteCorrection",
    "ProvinceKey",
    "Region",
    "RollCall",
    "RollCallEntry",
    "Room",
    "SentBundle",
    "ServiceEvent",
    "Setting",
    "SpmItemRow",
    "Stay",
    "SyncState",
    "User",
]
