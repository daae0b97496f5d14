"""Use cases. Each opens a unit of work, applies domain rules, checks the role, audits, and returns
plain frozen values. No Qt."""
