"""Calling the figures store from a request: a :class:`StoreError` is the server's problem (503).

Its own module because both the API routes (:mod:`.app`) and the review page (:mod:`.review`)
use it, and the app mounts the page: each imports this, neither imports the other back.
"""
from __future__ import annotations

from fastapi import HTTPException

from ..verify.store import StoreError


def store_call(fn, *args, **kwargs):
    """Run a store call; its StoreError becomes 503 (the database is the server's problem)."""
    try:
        return fn(*args, **kwargs)
    except StoreError as e:
        raise HTTPException(503, str(e)) from None
