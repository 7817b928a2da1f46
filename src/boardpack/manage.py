"""The ``boardpack`` console script: Django's manage.py, installed with the package."""

import gc
import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "boardpack.settings")
    gc.disable()  # until Django is set up: see boardpack.core.management.utility
    from boardpack.core.management.utility import CommandLine

    CommandLine(sys.argv).execute()


if __name__ == "__main__":
    main()
