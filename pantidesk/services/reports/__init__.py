"""Report services: each freezes the figures of one report into a ``ReportData`` (no drawing here);
``issue`` numbers, renders and registers it; ``xlsx`` writes its tables to a workbook."""
