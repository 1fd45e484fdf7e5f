"""Sphinx extension for handbook-widgets.

Put this file where conf.py can import it and add ``"handbook_widgets"`` to ``extensions``.
It gives each widget a directive whose content is the widget's JSON and whose options are the
fence's (``:id:``, ``:variant:``, ``:theme:``, ``:heading-level:``, ``:timeout:``, ``:src:``,
``:preset:``)::

    .. hiring-timeline::
       :preset: mattermost-pm-hiring

and a lexer of each widget's name, so ``.. code-block:: hiring-timeline`` blocks build
without a warning and mount as well. Every HTML page loads the bundle's entry script
(the bundle copied to ``_static/widgets/v1/``, or ``handbook_widgets_bundle`` naming its folder
URL), and after an HTML build ``handbook-widgets prerender <outdir> --strict`` runs (the program
on PATH, or the one the HANDBOOK_WIDGETS variable names), so every page has its widgets in it
before any script runs; a widget whose data is wrong fails the build.
"""

import html
import os
import subprocess

from docutils import nodes
from docutils.parsers.rst import Directive, directives
from pygments.lexers.special import TextLexer
from sphinx.errors import ExtensionError

WIDGETS = ("hiring-timeline", "level-comparison", "owner-directory", "onboarding-checklist")
# Each option and the mount attribute it sets, as in a fence's front matter.
OPTIONS = {
    "id": "id",
    "variant": "data-variant",
    "theme": "data-theme",
    "heading-level": "data-heading-level",
    "timeout": "data-timeout",
    "src": "data-src",
    "preset": "data-preset",
}


class WidgetDirective(Directive):
    """A widget: its JSON as content, the mount's options as the directive's."""

    has_content = True
    option_spec = {name: directives.unchanged_required for name in OPTIONS}

    def run(self):
        attributes = "".join(
            f' {OPTIONS[name]}="{html.escape(value)}"' for name, value in self.options.items()
        )
        data = "\n".join(self.content).strip()
        # The JSON goes into a script element as it is, but for "</", which would end it.
        data = data.replace("</", "<\\/")
        script = f'<script type="application/json">{data}</script>' if data else ""
        mount = f'<div data-hb-widget="{self.name}"{attributes}>{script}</div>'
        return [nodes.raw("", mount, format="html")]


def prerender(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    program = os.environ.get("HANDBOOK_WIDGETS", "handbook-widgets")
    try:
        done = subprocess.run(
            [program, "prerender", str(app.outdir), "--strict"],
            stdin=subprocess.DEVNULL,
            timeout=600,
            check=False,
        )
    except OSError as e:
        raise ExtensionError(
            f"handbook-widgets: could not run `{program}` ({e.strerror}): install it, "
            "or set HANDBOOK_WIDGETS to the program"
        ) from e
    if done.returncode != 0:
        raise ExtensionError("handbook-widgets prerender failed: see the messages above")


def setup(app):
    app.add_config_value("handbook_widgets_bundle", None, "html")
    for widget in WIDGETS:
        app.add_directive(widget, WidgetDirective)
        app.add_lexer(widget, TextLexer)
    app.connect("builder-inited", lambda app: app.add_js_file(
        f"{(app.config.handbook_widgets_bundle or 'widgets/v1/').rstrip('/')}/handbook-widgets.js",
        type="module",
    ))
    app.connect("build-finished", prerender)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
