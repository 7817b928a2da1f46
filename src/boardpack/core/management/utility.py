"""Django's command line (``boardpack …``), with the cycle collector kept out of start-up.

Start-up (settings, 25 apps, 80 models and their 57 history models) makes objects that live as
long as the process, and enough of them to set off full collections that find nothing to free:
0.03–0.1 s of every command (more on a busy machine). ``boardpack.manage.main`` switches the
collector off before Django is imported; once Django is set up, what start-up made is frozen out
of the collector's sight (``gc.freeze``) and the collector is switched on again for the command.
"""

from __future__ import annotations

import gc

from django.core.management import BaseCommand, ManagementUtility


class CommandLine(ManagementUtility):
    def fetch_command(self, subcommand: str) -> BaseCommand:
        # Django calls this once it is set up, just before it runs the command (or shows its
        # help). A collector that was on all along (not started by ``main``) is left alone.
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        return super().fetch_command(subcommand)
