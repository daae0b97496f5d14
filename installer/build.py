"""Build the one-folder app with PyInstaller, then (on Windows, with Inno Setup installed) the
installer. Usage: python installer/build.py [--installer]

The build machine needs: pip install pyinstaller, and for --installer Inno Setup 6 (iscc on PATH).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(HERE / "dist"), "--workpath", str(HERE / "build"),
                    str(HERE / "pantidesk.spec")], check=True, cwd=HERE)
    app = HERE / "dist" / "PantiDesk"
    cli = app / ("pantidesk-cli.exe" if sys.platform == "win32" else "pantidesk-cli")
    version = subprocess.run([str(cli), "--version"], capture_output=True, text=True, check=True)
    print(f"built {app}: {version.stdout.strip()}")
    if "--installer" in argv:
        iscc = shutil.which("iscc")
        if iscc is None:
            print("Inno Setup (iscc) not found; the one-folder app is built.", file=sys.stderr)
            return 1
        subprocess.run([iscc, str(HERE / "pantidesk.iss")], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
