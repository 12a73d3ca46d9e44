"""The command line: the ``newsclaims`` entry point (:data:`app`).

One module per command group: :mod:`.main` (the app and ``extract``, ``check``, ``claims``,
``schema``, ``serve``), :mod:`.batch`, :mod:`.export`, :mod:`.figures`, :mod:`.audit`, :mod:`.reading` (what
``extract`` and ``check`` read, through :mod:`extractor.pipeline.inputs`), :mod:`.fetch` (URLs:
only the command line fetches), and :mod:`.support` (options and error output they share);
``eval`` is :mod:`extractor.evaluation.cli`.

May import everything below it: :mod:`extractor.serve`, :mod:`extractor.batch`,
:mod:`extractor.verify`, :mod:`extractor.pipeline.extraction`, :mod:`extractor.evaluation`.
"""
from .main import app

__all__ = ["app"]
