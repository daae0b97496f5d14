"""Layanan & SPM: services delivered, distributions with receipt lists, document facilitation and
the quarterly SPM checklist."""
