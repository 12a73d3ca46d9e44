"""Who may write to the service's store, and who may read it.

- **Tokens.** ``NEWSCLAIMS_API_TOKEN`` is one token named ``default``; a token file
  (``newsclaims serve --tokens FILE``) names several, one per line: ``name secret`` and
  optionally ``read`` (a token that may read a private server but not write). A request
  gives its token as ``Authorization: Bearer <secret>`` (or as the password of HTTP Basic
  authentication, which is what a browser sends after asking for it). Secrets are compared
  in constant time: each given secret is hashed and compared with every token's hash.
- **Writes** (``POST /v1/check``, which stores its result, ``POST /v1/figures``) need a
  token that may write when any token is configured: none or a wrong one is 401, a read
  token 403, and nothing is written. With no token configured writes are open (the server
  says so when it starts, and listens on 127.0.0.1 unless told otherwise).
- **Reads** (``/v1/extract``, the ``GET`` routes, the review pages) are open unless the
  server is private (``--private``); then they need any configured token. ``/healthz``,
  ``/docs`` and ``/openapi.json`` stay open: they hold no article.
- The audit log (``GET /v1/audit``) names who wrote, so it needs a token whenever tokens
  are configured.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

from fastapi import HTTPException, Request

from ..verify.store import Writer

#: Environment variable holding the bearer token (named ``default``) that writes require.
TOKEN_ENV = "NEWSCLAIMS_API_TOKEN"
#: Environment variable naming a token file (see the module docstring), like ``--tokens``.
TOKENS_FILE_ENV = "NEWSCLAIMS_API_TOKENS_FILE"
#: The writer the audit log names when no token is configured.
OPEN = "open"


class TokenFileError(ValueError):
    """A token file that cannot be used; the message names the line."""


@dataclass(frozen=True)
class ApiToken:
    name: str
    secret: str = field(repr=False)
    can_write: bool = True

    @property
    def digest(self) -> bytes:
        return hashlib.sha256(self.secret.encode("utf-8")).digest()


def read_token_file(path: str | Path) -> list[ApiToken]:
    """Tokens from a file of ``name secret [read|write]`` lines (``#`` starts a comment)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise TokenFileError(f"{path}: cannot read the token file: {e}") from None
    tokens = []
    for number, line in enumerate(lines, start=1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        if len(words) not in (2, 3) or (len(words) == 3 and words[2] not in ("read", "write")):
            raise TokenFileError(f"{path}:{number}: a token line is 'name secret' or 'name secret read|write'")
        tokens.append(ApiToken(words[0], words[1], can_write=len(words) == 2 or words[2] == "write"))
    return _checked(tokens, str(path))


def _checked(tokens: list[ApiToken], where: str) -> list[ApiToken]:
    names = [t.name for t in tokens]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise TokenFileError(f"{where}: token names must differ; {', '.join(twice)} appear(s) twice")
    secrets = [t.secret for t in tokens]
    if len(set(secrets)) != len(secrets):
        raise TokenFileError(f"{where}: two tokens have the same secret")
    return tokens


def configured_tokens(token: Optional[str] = None, tokens: Optional[Iterable[ApiToken]] = None,
                      token_file: Optional[str | Path] = None) -> list[ApiToken]:
    """The tokens a server accepts: those given, else ``$NEWSCLAIMS_API_TOKEN`` (named
    ``default``) and ``$NEWSCLAIMS_API_TOKENS_FILE``. An empty secret means no token."""
    found: list[ApiToken] = list(tokens or [])
    if token is None:
        token = os.environ.get(TOKEN_ENV)
    if token:
        found.append(ApiToken("default", token))
    token_file = token_file or (os.environ.get(TOKENS_FILE_ENV) or None)
    if token_file:
        found.extend(read_token_file(token_file))
    return _checked(found, "the configured tokens")


def client_address(request: Request) -> Optional[str]:
    return request.client.host if request.client else None


class Access:
    """The access rules of one server: its tokens and whether reads are private."""

    def __init__(self, tokens: list[ApiToken], private: bool = False):
        if private and not tokens:
            raise ValueError("a private server needs a token: set NEWSCLAIMS_API_TOKEN or give a token file")
        self.tokens = tokens
        self.private = private

    @property
    def writes_open(self) -> bool:
        return not self.tokens

    def identify(self, request: Request) -> Optional[ApiToken]:
        """The configured token the request gives, or None (no token given, or a wrong one).

        Every token is compared, whichever matches, so the time taken does not say which
        (or how much of one) was right.
        """
        given = _secret_of(request.headers.get("authorization", ""))
        if given is None:
            return None
        digest = hashlib.sha256(given.encode("utf-8")).digest()
        match = None
        for token in self.tokens:
            if hmac.compare_digest(digest, token.digest):
                match = token
        return match

    def require_token(self, request: Request, *, write: bool, what: str,
                      challenge: str = "Bearer") -> ApiToken:
        token = self.identify(request)
        if token is None:
            given = bool(request.headers.get("authorization"))
            message = (f"{what} needs a valid token: the one given is not the server's" if given else
                       f"{what} needs 'Authorization: Bearer <token>'")
            raise HTTPException(401, message, headers={"WWW-Authenticate": challenge})
        if write and not token.can_write:
            raise HTTPException(403, f"token '{token.name}' may read but not write; {what} writes to the store")
        return token

    def writer(self, request: Request, what: str) -> Writer:
        """Who is writing (for the audit log); raises 401/403 when the request may not write."""
        if self.writes_open:
            return Writer(OPEN, client_address(request))
        token = self.require_token(request, write=True, what=what)
        return Writer(token.name, client_address(request))


def _secret_of(header: str) -> Optional[str]:
    """The secret of an ``Authorization`` header: a bearer token, or HTTP Basic's password."""
    scheme, _, value = header.strip().partition(" ")
    value = value.strip()
    if not value:
        return None
    if scheme.lower() == "bearer":
        return value
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(value, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return None
        return decoded.partition(":")[2] or None
    return None
