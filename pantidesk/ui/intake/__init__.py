"""Dialogs of the Penerimaan & Asesmen area: registration, duplicates, assessment, SK."""
