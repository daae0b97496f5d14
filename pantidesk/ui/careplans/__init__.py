"""The Rencana Layanan area: care plans, reviews and progress notes of the residents."""
