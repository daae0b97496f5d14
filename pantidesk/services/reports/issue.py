"""Issuing a report: number it, render it and register it, in one unit of work."""

from __future__ import annotations

from pantidesk.domain.document_kinds import DocumentKind
from pantidesk.reports.document import ReportData, render_report
from pantidesk.services.context import AppContext
from pantidesk.services.issued_documents import IssuedPdf, issue_document


def issue_report(ctx: AppContext, data: ReportData) -> IssuedPdf:
    """The PDF of ``data`` with its own number; printing it is audited as a disclosure."""
    with ctx.unit_of_work() as session:
        # A resident's report names the resident in the register and the audit log.
        title = f"{data.title} — {data.subtitle}" if data.person_id else data.title
        return issue_document(session, ctx, DocumentKind(data.kind), title,
                              data.content_key(), lambda meta: render_report(data, meta),
                              person_id=data.person_id)
