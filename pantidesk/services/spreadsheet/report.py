"""What an import did, or would do in a dry run: one outcome per data row, and the counts.

The same report serves the dry run and the import, the CLI (one line per row) and the dialog (a
table): rows to import, rows skipped because they are already on record, rows rejected with the
column and the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from pantidesk.i18n import _


class RowStatus(StrEnum):
    IMPORT = "impor"
    SKIP = "lewati"
    REJECT = "tolak"


@dataclass(frozen=True)
class RowIssue:
    """Why a row is rejected or skipped: a column name ("" for the whole row) and a reason."""

    column: str
    message: str

    def __str__(self) -> str:
        return f"{self.column}: {self.message}" if self.column else self.message


@dataclass(frozen=True)
class RowOutcome:
    number: int  # the row number in the file; the header is row 1
    name: str
    status: RowStatus
    issues: tuple[RowIssue, ...] = ()
    warnings: tuple[str, ...] = ()
    no_induk: str = ""  # the new number once imported, or the existing one when skipped

    def status_label(self, dry_run: bool) -> str:
        if self.status is RowStatus.IMPORT:
            return _("akan diimpor") if dry_run else _("diimpor")
        return _("dilewati") if self.status is RowStatus.SKIP else _("ditolak")

    @property
    def reason(self) -> str:
        """The issues and warnings as one text, for a table cell."""
        parts = [str(issue) for issue in self.issues]
        parts += [_("catatan: {text}").format(text=w) for w in self.warnings]
        return "; ".join(parts)


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    sheet_name: str
    dry_run: bool
    rows: tuple[RowOutcome, ...]

    def _count(self, status: RowStatus) -> int:
        return sum(1 for row in self.rows if row.status is status)

    @property
    def imported(self) -> int:
        return self._count(RowStatus.IMPORT)

    @property
    def skipped(self) -> int:
        return self._count(RowStatus.SKIP)

    @property
    def rejected(self) -> int:
        return self._count(RowStatus.REJECT)

    def summary(self) -> str:
        counts = {"total": len(self.rows), "imported": self.imported, "skipped": self.skipped,
                  "rejected": self.rejected}
        if self.dry_run:
            return _("{total} baris data: {imported} akan diimpor, {skipped} dilewati (sudah "
                     "ada), {rejected} ditolak. Uji coba: belum ada yang disimpan.").format(**counts)
        return _("{total} baris data: {imported} diimpor, {skipped} dilewati (sudah ada), "
                 "{rejected} ditolak.").format(**counts)

    def lines(self) -> list[str]:
        """One line per row (one per reason for a rejected row), for the command line."""
        lines = []
        for row in self.rows:
            head = _("baris {n}").format(n=row.number)
            if row.status is RowStatus.REJECT:
                lines += [f"{head}: {issue}" for issue in row.issues]
            else:
                text = f"{head}: {row.status_label(self.dry_run)}: {row.name}"
                if row.status is RowStatus.IMPORT and row.no_induk:
                    text += f" ({row.no_induk})"
                reason = "; ".join(str(issue) for issue in row.issues)
                lines.append(text + (f": {reason}" if reason else ""))
            lines += [f"{head}: " + _("catatan: {text}").format(text=w) for w in row.warnings]
        return lines
