"""Printed documents, in two steps (STYLE.md §7): a service freezes the data into dataclasses of
ready-formatted text and numbers; a renderer here draws it with reportlab and returns PDF bytes.

Nothing here reads the database. ``page`` holds what every document shares: A4, the kop surat on the
first page, "Halaman x dari y", a QR code with the document number and fingerprint, the signature
block, and the fonts shipped in ``pantidesk/assets/fonts``.
"""
