"""Penerimaan baru: the arrival, the person, family contacts, belongings and health, in one dialog.

While the name, NIK and birth date are typed the database is asked whether this person is already
on record, and the answer shows above the tabs. On "Simpan" the service decides: field errors go
under their fields, warnings are confirmed, and similar persons are answered one by one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QTime, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pantidesk.clock import WIB
from pantidesk.domain.enums import (
    DisabilityDegree,
    DisabilityType,
    DtsenStatus,
    Education,
    IntakeDocument,
    IntakeSource,
    JknSegment,
    MaritalStatus,
    NikState,
    Religion,
    Sex,
)
from pantidesk.domain.regions import all_regions, regencies_of
from pantidesk.errors import PantiDeskError
from pantidesk.i18n import _
from pantidesk.services.context import AppContext
from pantidesk.services.duplicates import DuplicateCheck, find_duplicates
from pantidesk.services.intake import (
    InvalidInput,
    NeedsConfirmation,
    PossibleDuplicate,
    Registered,
    Registration,
    arrival_now,
    load_person_input,
    register_intake,
    validate_registration,
)
from pantidesk.services.person_rules import FamilyInput, IntakeInput, PersonInput, Problems
from pantidesk.ui.errors import show_error
from pantidesk.ui.forms import DateEdit, EnumCombo, Form, TextArea
from pantidesk.ui.intake.duplicates_dialog import DuplicatesDialog
from pantidesk.ui.intake.family_dialog import FamilyDialog
from pantidesk.ui.operations import MutationOp, QueryOp
from pantidesk.ui.photo import FILE_FILTER, load_photo, thumbnail
from pantidesk.ui.widgets import confirm, fit_to_screen

LAMPUNG = "18"
CHECK_DELAY_MS = 400


def _scrolling(form: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(form)
    return area


class RegistrationDialog(QDialog):
    """Register an arrival; ``registered`` holds the result after ``exec()`` returns Accepted."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.registered: Registered | None = None
        self.existing_person_id: str | None = None
        self.dismissed: set[str] = set()
        self.dismissal_note = ""
        self.photo: bytes | None = None
        self.family: list[FamilyInput] = []
        self._check_serial = 0
        self.setWindowTitle(_("Penerimaan baru"))
        fit_to_screen(self, 900, 720)

        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.hide()
        self.notice_button = QPushButton()
        self.notice_button.hide()
        self.notice_button.clicked.connect(self._review_candidates)
        notice_row = QHBoxLayout()
        notice_row.addWidget(self.notice, 1)
        notice_row.addWidget(self.notice_button)
        self.last_check: DuplicateCheck | None = None

        self.tabs = QTabWidget()
        self.arrival = self._arrival_form()
        self.identity = self._identity_form()
        self.tabs.addTab(_scrolling(self.arrival), _("1. Kedatangan"))
        self.tabs.addTab(_scrolling(self.identity), _("2. Identitas"))
        self.tabs.addTab(self._family_tab(), _("3. Keluarga/wali"))
        self.items = self._items_form()
        self.tabs.addTab(_scrolling(self.items), _("4. Barang, kesehatan, dokumen"))

        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(_("Simpan penerimaan"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(_("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(notice_row)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.timeout.connect(self._check_duplicates)
        for edit in (self.name, self.nik, self.birth_date):
            edit.editingFinished.connect(lambda: self._check_timer.start(CHECK_DELAY_MS))

    # --- tabs -------------------------------------------------------------------------------
    def _arrival_form(self) -> Form:
        form = Form()
        self.source = form.add("source", _("Sumber kedatangan*"), EnumCombo(IntakeSource))
        now = arrival_now(self.ctx).astimezone(WIB)
        when = QWidget()
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        self.arrived_date = DateEdit(_("Tanggal kedatangan"))
        self.arrived_date.set_date(now.date())
        self.arrived_time = QTimeEdit(QTime(now.hour, now.minute))
        self.arrived_time.setDisplayFormat("HH:mm")
        row.addWidget(self.arrived_date)
        row.addWidget(self.arrived_time)
        row.addWidget(QLabel(_("WIB")))
        row.addStretch()
        form.add("arrived_at", _("Tanggal dan jam datang*"), when)
        form.inputs["arrived_at"] = self.arrived_date
        self.agency = form.add("referring_agency", _("Instansi pengirim"), QLineEdit(),
                               _("Wajib untuk razia, rujukan, kepolisian, rumah sakit dan "
                                 "pindahan panti."))
        self.letter_number = form.add("letter_number", _("Nomor surat pengantar"), QLineEdit())
        self.letter_date = form.add("letter_date", _("Tanggal surat"),
                                    DateEdit(_("Tanggal surat")))
        self.found_location = form.add("found_location", _("Lokasi ditemukan"),
                                       TextArea(_("Untuk razia/penjaringan: jalan, kelurahan, "
                                                  "kab/kota"), 2))
        self.notes = form.add("notes", _("Catatan"), TextArea("", 2))
        return form

    def _identity_form(self) -> Form:
        form = Form()
        self.name = form.add("name", _("Nama lengkap*"), QLineEdit())
        self.aliases = form.add("aliases", _("Nama lain/panggilan"), QLineEdit())
        self.sex = form.add("sex", _("Jenis kelamin*"), EnumCombo(Sex))
        self.nik_state = form.add("nik_state", _("Status NIK*"),
                                  EnumCombo(NikState, optional=False))
        self.nik = form.add("nik", _("NIK"), QLineEdit(), _("16 angka, dari KTP atau KK."))
        self.nik_state.currentIndexChanged.connect(self._nik_state_changed)
        self.no_kk = form.add("no_kk", _("No. KK"), QLineEdit())
        self.birth_place = form.add("birth_place", _("Tempat lahir"), QLineEdit())
        born = QWidget()
        row = QHBoxLayout(born)
        row.setContentsMargins(0, 0, 0, 0)
        self.birth_date = DateEdit(_("Tanggal lahir"))
        self.estimated = QCheckBox(_("perkiraan (tanggal tidak diketahui pasti)"))
        row.addWidget(self.birth_date)
        row.addWidget(self.estimated)
        row.addStretch()
        form.add("birth_date", _("Tanggal lahir*"), born)
        form.inputs["birth_date"] = self.birth_date
        self.religion = form.add("religion", _("Agama"), EnumCombo(Religion))
        self.education = form.add("education", _("Pendidikan"), EnumCombo(Education))
        self.marital = form.add("marital_status", _("Status perkawinan"),
                                EnumCombo(MaritalStatus))
        self.address = form.add("address", _("Alamat asal"), TextArea(_("Alamat KTP atau "
                                                                        "alamat terakhir"), 2))
        self.origin = form.add("origin_regency", _("Kab/kota asal"), RegionCombo())
        self.disability = form.add("disability_type", _("Ragam disabilitas"),
                                   EnumCombo(DisabilityType, empty_text=_("Tidak ada")))
        self.degree = form.add("disability_degree", _("Derajat disabilitas"),
                               EnumCombo(DisabilityDegree))
        self.dtsen = form.add("dtsen_status", _("Status DTSEN"),
                              EnumCombo(DtsenStatus, optional=False))
        self.dtsen.set_value(DtsenStatus.TIDAK_DIKETAHUI)
        self.desil = form.add("dtsen_desil", _("Desil DTSEN"),
                              EnumCombo(range(1, 11), empty_text=_("—")))
        self.jkn_number = form.add("jkn_number", _("Nomor JKN/BPJS"), QLineEdit())
        self.jkn_segment = form.add("jkn_segment", _("Segmen JKN"), EnumCombo(JknSegment))
        photo_row = QWidget()
        prow = QHBoxLayout(photo_row)
        prow.setContentsMargins(0, 0, 0, 0)
        self.photo_preview = QLabel(_("Belum ada foto"))
        self.photo_preview.setStyleSheet("color: #4a5560;")
        choose = QPushButton(_("Pilih foto…"))
        choose.clicked.connect(self._choose_photo)
        prow.addWidget(self.photo_preview)
        prow.addWidget(choose)
        prow.addStretch()
        form.add("photo", _("Foto"), photo_row)
        return form

    def _family_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        hint = QLabel(_("Keluarga dan wali yang dapat dihubungi, termasuk yang tidak boleh "
                        "dihubungi (mis. pelaku kekerasan). Penilaian mampu/aman merawat dapat "
                        "diperbarui saat asesmen."))
        hint.setWordWrap(True)
        self.family_table = QTableWidget(0, 5)
        self.family_table.setHorizontalHeaderLabels(
            [_("Nama"), _("Hubungan"), _("Telepon"), _("Mampu/bersedia merawat"),
             _("Jangan dihubungi")])
        header = self.family_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.family_table.verticalHeader().setVisible(False)
        self.family_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.family_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        add = QPushButton(_("Tambah keluarga/wali…"))
        add.clicked.connect(self._add_family)
        remove = QPushButton(_("Hapus yang dipilih"))
        remove.clicked.connect(self._remove_family)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        layout.addWidget(hint)
        layout.addWidget(self.family_table, 1)
        layout.addLayout(buttons)
        return tab

    def _items_form(self) -> Form:
        form = Form()
        self.belongings = form.add("belongings", _("Barang bawaan"),
                                   TextArea(_("Satu barang per baris, mis. \"1 tas pakaian\", "
                                              "\"uang Rp 25.000\""), 4))
        self.health = form.add("health_check", _("Pemeriksaan kesehatan awal"),
                               TextArea(_("Kondisi saat datang: luka, demam, tekanan darah, "
                                          "obat yang dibawa…"), 3))
        self.medical = form.add("needs_medical_care", "",
                                QCheckBox(_("Perlu segera dibawa ke fasilitas kesehatan")))
        documents = QWidget()
        grid = QGridLayout(documents)
        grid.setContentsMargins(0, 0, 0, 0)
        self.document_boxes: dict[IntakeDocument, QCheckBox] = {}
        for index, document in enumerate(IntakeDocument):
            box = QCheckBox(document.label)
            self.document_boxes[document] = box
            grid.addWidget(box, index // 2, index % 2)
        form.add("documents", _("Dokumen yang dibawa"), documents)
        self.documents_other = form.add("documents_other", _("Dokumen lain"), QLineEdit())
        return form

    # --- reading the form ----------------------------------------------------------------------
    def person_input(self) -> PersonInput:
        return PersonInput(
            name=self.name.text(), sex=self.sex.value(), birth_date=self.birth_date.date(),
            nik_state=self.nik_state.value(), nik=self.nik.text(), no_kk=self.no_kk.text(),
            aliases=self.aliases.text(), birth_place=self.birth_place.text(),
            birth_date_estimated=self.estimated.isChecked(), religion=self.religion.value(),
            education=self.education.value(), marital_status=self.marital.value(),
            address=self.address.text(), origin_regency=self.origin.value(),
            disability_type=self.disability.value(), disability_degree=self.degree.value(),
            dtsen_status=self.dtsen.value(), dtsen_desil=self.desil.value(),
            jkn_number=self.jkn_number.text(), jkn_segment=self.jkn_segment.value(),
        )

    def intake_input(self) -> IntakeInput:
        arrived_on = self.arrived_date.date()
        arrived_at = None
        if arrived_on is not None:
            time = self.arrived_time.time()
            arrived_at = dt.datetime.combine(arrived_on, dt.time(time.hour(), time.minute()),
                                             tzinfo=WIB)
        return IntakeInput(
            source=self.source.value(), arrived_at=arrived_at,
            referring_agency=self.agency.text(), letter_number=self.letter_number.text(),
            letter_date=self.letter_date.date(), found_location=self.found_location.text(),
            belongings=self.belongings.text(), health_check=self.health.text(),
            needs_medical_care=self.medical.isChecked(),
            documents=frozenset(d for d, box in self.document_boxes.items() if box.isChecked()),
            documents_other=self.documents_other.text(), notes=self.notes.text(),
        )

    def registration(self, confirmed: bool = False) -> Registration:
        return Registration(
            person=self.person_input(), intake=self.intake_input(), family=tuple(self.family),
            photo_jpeg=self.photo, existing_person_id=self.existing_person_id,
            dismissed_candidates=frozenset(self.dismissed), dismissal_note=self.dismissal_note,
            confirmed=confirmed,
        )

    # --- saving ---------------------------------------------------------------------------------
    def submit(self, confirmed: bool = False) -> None:
        registration = self.registration(confirmed)
        problems = validate_registration(self.ctx, registration)
        self.arrival.show_date_errors(problems, "intake.")
        self.identity.show_date_errors(problems)
        if not self._show_problems(problems):
            return
        MutationOp(self, lambda: register_intake(self.ctx, registration), self._saved,
                   _("Menyimpan penerimaan…"), on_failure=self._refused).run()

    def _show_problems(self, problems: Problems) -> bool:
        """Put errors under their fields and go to the first tab with one; True when none."""
        for form in (self.arrival, self.identity, self.items):
            form.clear_messages()
        if problems.ok:
            return True
        shown_in = []
        for index, (form, prefix) in enumerate(((self.arrival, "intake."), (self.identity, ""),
                                                (self.items, "intake."))):
            if form.show_problems(problems, prefix):
                shown_in.append((index if index < 2 else 3, form))
        family_errors = [text for name, text in problems.errors.items()
                         if name.startswith("family.")]
        if family_errors:
            show_error(self, PantiDeskError(family_errors[0]))
            self.tabs.setCurrentIndex(2)
        elif shown_in:
            tab, form = shown_in[0]
            self.tabs.setCurrentIndex(tab)
            widget = form.first_error_widget()
            if widget is not None:
                widget.setFocus()
        return False

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput):
            self._show_problems(exc.problems)
        elif isinstance(exc, NeedsConfirmation):
            if confirm(self, _("Periksa peringatan"), exc.message, _("Tetap simpan")):
                self.submit(confirmed=True)
        elif isinstance(exc, PossibleDuplicate):
            self._answer_duplicates(exc.check)
        else:
            show_error(self, exc)

    def _saved(self, registered: Registered) -> None:
        self.registered = registered
        self.accept()

    # --- duplicates -------------------------------------------------------------------------
    def _check_duplicates(self) -> None:
        name = self.name.text().strip()
        if len(name) < 3 and len(self.nik.text().strip()) < 16:
            return
        self._check_serial += 1
        serial = self._check_serial
        ctx, nik = self.ctx, self.nik.text()
        birth, estimated = self.birth_date.date(), self.estimated.isChecked()
        exclude = self.existing_person_id

        def show(check: DuplicateCheck) -> None:
            if serial == self._check_serial:
                self._show_notice(check)

        QueryOp(self, lambda: find_duplicates(ctx, name=name, nik=nik, birth_date=birth,
                                              birth_date_estimated=estimated,
                                              exclude_person_id=exclude), show).run()

    def _show_notice(self, check: DuplicateCheck) -> None:
        self.last_check = check
        waiting = [c for c in check.similar if c.person_id not in self.dismissed]
        if check.same_nik is not None:
            self.notice.setText(_("NIK ini sudah tercatat atas nama <b>{name}</b>.").format(
                name=check.same_nik.name))
            self.notice.setStyleSheet("background: #fde8e8; color: #8a1c1c; padding: 6px;")
        elif waiting:
            self.notice.setText(_("{count} orang tercatat mirip dengan orang ini. Periksa "
                                  "sebelum menyimpan.").format(count=len(waiting)))
            self.notice.setStyleSheet("background: #fff4d6; color: #6b4e00; padding: 6px;")
        else:
            self.notice.hide()
            self.notice_button.hide()
            return
        self.notice_button.setText(_("Periksa…"))
        self.notice.show()
        self.notice_button.show()

    def _review_candidates(self) -> None:
        if self.last_check is not None:
            self._answer_duplicates(self.last_check)

    def _answer_duplicates(self, check: DuplicateCheck) -> None:
        dialog = DuplicatesDialog(check, self.dismissed, self)
        if not dialog.exec():
            return
        if dialog.chosen_person_id is not None:
            self._use_existing(dialog.chosen_person_id)
            return
        self.dismissed |= dialog.dismissed
        self.dismissal_note = dialog.note
        self._show_notice(check)
        if check.same_nik is None:
            self.submit()

    def _use_existing(self, person_id: str) -> None:
        """The person came back: the form continues as a new arrival of that person."""
        def fill(person: PersonInput) -> None:
            self.existing_person_id = person_id
            self._fill_person(person)
            self.setWindowTitle(_("Penerimaan: kedatangan kembali {name}").format(
                name=person.name))
            self.notice.setText(_("Kedatangan kembali dari orang yang sudah tercatat. Data "
                                  "identitas di bawah dapat diperbarui."))
            self.notice.setStyleSheet("background: #e6f0fa; color: #1d3f63; padding: 6px;")
            self.notice.show()
            self.notice_button.hide()
            self.tabs.setCurrentIndex(1)

        QueryOp(self, lambda: load_person_input(self.ctx, person_id), fill).run()

    def _fill_person(self, person: PersonInput) -> None:
        self.name.setText(person.name)
        self.aliases.setText(person.aliases)
        self.sex.set_value(person.sex)
        self.nik_state.set_value(person.nik_state)
        self.nik.setText(person.nik)
        self.no_kk.setText(person.no_kk)
        self.birth_place.setText(person.birth_place)
        self.birth_date.set_date(person.birth_date)
        self.estimated.setChecked(person.birth_date_estimated)
        self.religion.set_value(person.religion)
        self.education.set_value(person.education)
        self.marital.set_value(person.marital_status)
        self.address.setPlainText(person.address)
        self.origin.set_value(person.origin_regency)
        self.disability.set_value(person.disability_type)
        self.degree.set_value(person.disability_degree)
        self.dtsen.set_value(person.dtsen_status)
        self.desil.set_value(person.dtsen_desil)
        self.jkn_number.setText(person.jkn_number)
        self.jkn_segment.set_value(person.jkn_segment)

    # --- small actions ----------------------------------------------------------------------
    def _nik_state_changed(self) -> None:
        has_nik = self.nik_state.value() is NikState.PUNYA
        self.nik.setEnabled(has_nik)
        if not has_nik:
            self.nik.clear()

    def _choose_photo(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Pilih foto"), "", _("Gambar ({patterns})").format(patterns=FILE_FILTER))
        if not path:
            return
        try:
            self.photo = load_photo(Path(path))
        except PantiDeskError as exc:
            show_error(self, exc)
            return
        self.photo_preview.setPixmap(thumbnail(self.photo))

    def _add_family(self) -> None:
        dialog = FamilyDialog(self)
        if dialog.exec() and dialog.contact is not None:
            self.family.append(dialog.contact)
            self._show_family()

    def _remove_family(self) -> None:
        rows = sorted({i.row() for i in self.family_table.selectedIndexes()}, reverse=True)
        for row in rows:
            del self.family[row]
        self._show_family()

    def _show_family(self) -> None:
        self.family_table.setRowCount(len(self.family))
        for row, contact in enumerate(self.family):
            care = {True: _("Ya"), False: _("Tidak"), None: _("Belum diketahui")}
            cells = [contact.name, contact.relation, contact.phone,
                     f"{care[contact.can_care]} / {care[contact.will_care]}",
                     _("Ya") if contact.no_contact else ""]
            for column, text in enumerate(cells):
                self.family_table.setItem(row, column, QTableWidgetItem(text))


class RegionCombo(EnumCombo):
    """Kab/kota of Lampung, then the other provinces (their kab/kota are not in the catalogue)."""

    def __init__(self) -> None:
        super().__init__((), optional=True)
        for region in regencies_of(LAMPUNG):
            self.add_choice(f"{region.name} ({region.code})", region.code)
        for region in all_regions():
            if region.level == 1 and region.code != LAMPUNG:
                self.add_choice(_("Provinsi {name} ({code})").format(
                    name=region.name, code=region.code), region.code)
