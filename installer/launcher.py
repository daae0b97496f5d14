"""Entry script for the frozen build: the same ``main`` as ``python -m pantidesk``."""

import sys

from pantidesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
