"""Query functions: each takes a session and returns rows; none commits."""
