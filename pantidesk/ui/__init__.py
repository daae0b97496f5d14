"""The PySide6 desktop interface: a client of the services, like the CLI."""
