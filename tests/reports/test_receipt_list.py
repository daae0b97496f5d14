"""The DAFTAR TANDA TERIMA renderer on frozen data: one row per resident with room to sign, the
header row repeated on every page, both signatures at the foot."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from pantidesk.reports.model import DocumentMeta, Kop, Signatory
from pantidesk.reports.receipt_list import ReceiptList, ReceiptRow, render_receipt_list

META = DocumentMeta("0003/TT/TW/VIII/2026", "Daftar tanda terima Sandang 17 Agustus 2026",
                    "K7QF-2M9D", "Admin Panti")
HEAD = Signatory("Natar, 17 Agustus 2026", "Kepala UPTD PSLU Tresna Werdha (Natar)",
                 "Hj. Siti Rahmawati, S.Sos., M.M.", "Pembina, IV/a", "19750817 200003 2 001")


def receipt(residents: int) -> ReceiptList:
    rows = tuple(ReceiptRow(i, f"Penerima Nomor {i:02d}", f"TW-2026-{i:04d}-K", "2 stel")
                 for i in range(1, residents + 1))
    return ReceiptList(
        Kop("Pemerintah Provinsi Lampung", "Dinas Sosial", "UPTD PSLU Tresna Werdha (Natar)",
            ("Jl. Raya Natar Km 10, Natar", "Telp. (0721) 350101")),
        "Sandang", "1. Dukungan pemenuhan kebutuhan hidup layak", "17 Agustus 2026",
        "Pakaian sehari-hari <2 stel> & sandal", "Hendra Wijaya", rows, HEAD)


def pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_one_row_per_resident_and_both_signatures() -> None:
    text = "\n".join(pages(render_receipt_list(receipt(5), META)))
    assert "DAFTAR TANDA TERIMA" in text and "PEMERINTAH PROVINSI LAMPUNG" in text
    for i in range(1, 6):
        assert text.count(f"Penerima Nomor {i:02d}") == 1
        assert f"TW-2026-{i:04d}-K" in text
    assert text.count("2 stel") == 6  # five rows and the description
    assert "Pakaian sehari-hari <2 stel> & sandal" in text  # escaped, not markup
    assert "Jumlah penerima: 5 orang" in text
    assert "Yang menyerahkan" in text and "Hendra Wijaya" in text
    assert "Mengetahui" in text and "Hj. Siti Rahmawati, S.Sos., M.M." in text
    assert "NIP. 19750817 200003 2 001" in text and "Pembina, IV/a" in text
    assert "Natar, 17 Agustus 2026" in text and META.number in text


def test_forty_residents_run_over_pages_with_the_header_repeated() -> None:
    texts = pages(render_receipt_list(receipt(40), META))
    assert len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {len(texts)}" in text
    for text in texts[:-1]:
        assert "Tanda tangan" in text
    joined = "\n".join(texts)
    assert all(joined.count(f"Penerima Nomor {i:02d}") == 1 for i in range(1, 41))
    # The signatures never stand alone on a page: the last rows come with them.
    assert "Mengetahui" in texts[-1] and "Penerima Nomor 40" in texts[-1]
    assert "Penerima Nomor 39" in texts[-1]


def test_a_short_list_fits_on_one_page() -> None:
    [text] = pages(render_receipt_list(receipt(2), META))
    assert "Tanda tangan" in text and "Penerima Nomor 02" in text and "Mengetahui" in text


def test_the_fingerprinted_content_covers_the_rows() -> None:
    data = receipt(3)
    changed = replace(data, rows=data.rows[:2])
    assert data.content_key() != changed.content_key()
    assert "Penerima Nomor 03" in data.content_key()
