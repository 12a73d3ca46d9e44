"""Batch extraction over corpora: ``newsclaims batch``.

What lives here: :mod:`.run` (:func:`~.run.run_batch`: a resumable run over a process pool
or a Dask cluster, results and errors as JSON lines). Articles are read by
:mod:`extractor.pipeline.inputs`, the one reader every command and the service share.

May import: :mod:`extractor.verify`, :mod:`extractor.pipeline.extraction`, :mod:`models`; never ``serve``,
``cli`` or ``evaluation``. The parent process imports no spaCy: workers load the pipeline.
"""
