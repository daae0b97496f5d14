"""PantiDesk: case management for the social-rehabilitation panti of Dinas Sosial Provinsi Lampung."""

__version__ = "0.1.0"
