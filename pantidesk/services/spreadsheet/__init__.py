"""Residents to and from spreadsheets (.xlsx and .csv): the column template, reading and writing
sheets, turning a row into checked person, intake and stay values, the import and the export.

``pantidesk.services.residents_io`` is the entry point the CLI and the UI call.
"""
