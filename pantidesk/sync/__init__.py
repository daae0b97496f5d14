"""Sync bundles between a panti and the province (DESIGN.md §5): the bundle format, key pairs,
age encryption and Ed25519 signatures, the exporter, the importer and receipts. No Qt, no roles:
``services/sync.py`` checks who may do what and writes the audit rows."""
