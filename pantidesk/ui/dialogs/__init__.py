"""Dialogs that belong to no single area."""
