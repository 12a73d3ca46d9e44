"""Verification: the figures store and what is checked against it.

What lives here: :mod:`.schema` (the tables and a figure's identity), :mod:`.store` (the
SQLite/PostgreSQL store of official figures and of the checks made), :mod:`.importers`
(project CSV and UN Comtrade files into the store), :mod:`.check` (the cross-check: verdicts by
the contract's rules), :mod:`.consistency` (the article against itself), :mod:`.intervals` (numbers
as the intervals their wording allows), :mod:`.wording` (countries, money and periods as explanations
write them) and :mod:`.claimreview` (schema.org
ClaimReview export of checked claims).

May import: :mod:`extractor.pipeline.extraction` (calendar arithmetic, the tables), :mod:`models` and
the libraries; never ``serve``, ``batch``, ``cli`` or ``evaluation``.
"""
