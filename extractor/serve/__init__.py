"""The HTTP service: ``newsclaims serve``.

What lives here: :mod:`.app` (the FastAPI application and its routes), :mod:`.workers`
(extraction in worker processes with a time limit), :mod:`.store_calls` (store errors as
503), :mod:`.review` (the fact-checker's review page), :mod:`.chart` (the figure chart on
that page), ``templates/`` and ``static/``.

May import: :mod:`extractor.verify`, :mod:`extractor.pipeline.extraction`, :mod:`models`; never ``cli``
or ``evaluation``.
"""
