"""The Kehidupan Panti area: rooms, roll call, leave and runaways, incidents, health log."""
