"""MkDocs hook for handbook-widgets: pre-renders the built site's widgets.

Copy this file beside mkdocs.yml and name it under `hooks:`. After every `mkdocs build` it runs
`handbook-widgets prerender <site_dir> --strict`, so each page has its widgets in it before any
script runs; a widget whose data is wrong fails the build with the file, line and column. The
program is `handbook-widgets` on PATH, or the one the HANDBOOK_WIDGETS variable names.
`mkdocs serve` builds the same way.
"""

import os
import shutil
import subprocess

from mkdocs.exceptions import PluginError


def on_post_build(config, **kwargs):
    program = os.environ.get("HANDBOOK_WIDGETS", "handbook-widgets")
    if shutil.which(program) is None:
        raise PluginError(
            f"handbook-widgets: `{program}` is not on PATH, so the widgets are not pre-rendered "
            "(install it, or set HANDBOOK_WIDGETS to the program)"
        )
    done = subprocess.run(
        [program, "prerender", config["site_dir"], "--strict"],
        stdin=subprocess.DEVNULL,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise PluginError("handbook-widgets prerender failed: see the messages above")
