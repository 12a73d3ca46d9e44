"""What checks leave in the store: articles with every version, the claims index, the audit log.

:class:`CheckRecords` is the part of :class:`extractor.verify.store.Store` that stores and reads
checked articles:

- **Versions, never overwrites.** Checking an article id that is stored adds version N + 1
  when the clean text or what the check concluded (verdicts and consistency findings)
  differs from the latest version, and does nothing when neither does. Each version keeps
  its contract JSON, the text's SHA-256, when it was checked and the figures revision of the
  store it was checked against; versions are never updated or deleted.
- **The claims index** (``claims``, ``claim_actors``, ``verdicts``) answers
  :meth:`~CheckRecords.query_claims` about the latest version of each article.
- **The audit log**: every write (a check stored, a version added, figures imported, the
  store upgraded) is a row: when, what, who (a token's name, ``open``, or the local command
  and user) and the client's address.
"""
from __future__ import annotations

import getpass
import json
import socket
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any, Optional

from sqlalchemy import and_, delete, exists, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from .migrations import text_sha256, verdicts_sha256
from .schema import (
    StoreError,
    _one_line,
    article_versions,
    articles,
    audit_log,
    claim_actors,
    claims,
    store_meta,
    verdicts,
)

#: How often a check is retried when another writer took the same version number first.
_VERSION_RACE_RETRIES = 3


@dataclass(frozen=True)
class Writer:
    """Who writes to the store, for the audit log: ``name`` (a token's name, ``open``, or
    ``cli:alice``) and ``client`` (the request's address, or the local host's name)."""

    name: str
    client: Optional[str] = None

    @classmethod
    def local(cls, command: str) -> "Writer":
        """A command run on this machine: ``cli:<user>`` from ``<hostname>``."""
        try:
            user = getpass.getuser()
        except (KeyError, OSError):     # no name for this uid (a container): say so, not fail
            user = "unknown-user"
        return cls(f"{command}:{user}", socket.gethostname())


#: Writes through the Python API that name nobody.
LIBRARY = Writer("library")


@dataclass(frozen=True)
class SavedCheck:
    """What :meth:`CheckRecords.save_check` did: ``added`` False means the latest version
    already had this text and these verdicts (nothing was written)."""

    article_id: str
    version: int
    added: bool
    text_changed: bool = False
    verdicts_changed: bool = False


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _as_date(value: Any) -> Optional[date]:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _iso(value: Optional[date]) -> Optional[str]:
    return value.isoformat() if value is not None else None


def _utc(moment: Optional[datetime]) -> Optional[datetime]:
    """SQLite gives back naive datetimes; every time the store wrote is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment


def write_audit(conn: Connection, action: str, by: Writer, *, article_id: Optional[str] = None,
                version: Optional[int] = None, detail: Optional[str] = None) -> None:
    """One audit row, in the caller's transaction (the write and its record stand or fall together)."""
    conn.execute(insert(audit_log).values(at=_now(), action=action, who=by.name, client=by.client,
                                          article_id=article_id, version=version, detail=detail))


def _index_rows(result: dict, article_id: str) -> tuple[list, list, list]:
    """The claims index rows of one checked result: claims, their countries, their verdicts."""
    amounts, periods, actors = (result.get(k) or [] for k in ("amounts", "periods", "actors"))

    def pick(items: list, index: Optional[int]) -> dict:
        return items[index] if index is not None and 0 <= index < len(items) else {}

    claim_rows, actor_rows = [], []
    for claim in result.get("claims") or []:
        amount, period = pick(amounts, claim.get("amount")), pick(periods, claim.get("period"))
        trade = claim.get("trade") or {}
        comparison = claim.get("comparison") or {}
        claim_rows.append({
            "article_id": article_id, "claim_id": claim["id"], "kind": claim["kind"],
            "sentence": claim.get("sentence"), "sentence_start": claim.get("start"),
            "sentence_end": claim.get("end"),
            "amount_text": amount.get("text"), "amount_value": amount.get("value"),
            "amount_unit": amount.get("unit"), "amount_bound": amount.get("bound"),
            "amount_change": amount.get("change"),
            "period_text": period.get("text"), "period_from": _as_date(period.get("from")),
            "period_to": _as_date(period.get("to")), "period_granularity": period.get("granularity"),
            "trade_flow": trade.get("flow"), "trade_from": trade.get("from"), "trade_to": trade.get("to"),
            "trade_between": json.dumps(trade["between"]) if trade.get("between") else None,
            "commodity": trade.get("commodity"), "basis": trade.get("basis"),
            "comparison_relation": comparison.get("relation"),
        })
        involved = {pick(actors, i).get("id") for i in claim.get("actors") or []}
        involved |= {trade.get("from"), trade.get("to"), *(trade.get("between") or [])}
        for iso in sorted(a for a in involved if a and a != "WLD"):
            actor_rows.append({"article_id": article_id, "claim_id": claim["id"], "actor": iso})
    claim_ids = {row["claim_id"] for row in claim_rows}
    verdict_rows = []
    for verdict in result.get("verdicts") or []:
        if verdict.get("claim") not in claim_ids:
            raise StoreError(f"save_check: verdict for unknown claim {verdict.get('claim')!r} in article {article_id}")
        verdict_rows.append({
            "article_id": article_id, "claim_id": verdict["claim"], "status": verdict["status"],
            "claimed": verdict.get("claimed"), "expected": verdict.get("expected"),
            "unit": verdict.get("unit"), "figure_ids": json.dumps(verdict.get("figures") or []),
            "explanation": verdict.get("explanation"),
        })
    return claim_rows, actor_rows, verdict_rows


def _version_summary(row: Any) -> dict:
    result = json.loads(row.extraction)
    counts: dict[str, int] = {}
    for v in result.get("verdicts") or []:
        counts[v["status"]] = counts.get(v["status"], 0) + 1
    return {
        "version": row.version, "checked_at": _utc(row.checked_at).isoformat(),
        "text_sha256": row.text_sha256, "figures_revision": row.figures_revision,
        "text_changed": bool(row.text_changed), "verdicts_changed": bool(row.verdicts_changed),
        "claims": len(result.get("claims") or []), "verdicts": counts,
    }


class CheckRecords:
    """Checked articles, their versions and the audit log (mixed into the Store)."""

    engine: Any
    url: str

    def _read(self, stmt, params: Optional[dict] = None) -> list:   # provided by the Store
        raise NotImplementedError

    def _failed(self, what: str, error: BaseException) -> StoreError:   # provided by the Store
        raise NotImplementedError

    # -- writing a check

    def save_check(self, result: dict, *, by: Writer = LIBRARY) -> SavedCheck:
        """Store one checked article (the contract JSON, verdicts filled) as its next version.

        Nothing is written when the latest stored version has the same clean text and the same
        verdicts and consistency findings; otherwise version N + 1 is added, the claims index
        now answers about it, and the audit log records who added it.
        """
        article = result.get("article") or {}
        article_id = article.get("id")
        if not article_id:
            raise StoreError("save_check: the result has no article id")
        index = _index_rows(result, article_id)
        hashes = (text_sha256(article.get("text") or ""), verdicts_sha256(result))
        for attempt in range(_VERSION_RACE_RETRIES):
            try:
                with self.engine.begin() as conn:
                    return self._save_version(conn, result, article_id, hashes, index, by)
            except IntegrityError as e:
                # Another writer added the same version number first: look again.
                if attempt == _VERSION_RACE_RETRIES - 1:
                    raise self._failed(f"could not save the check of article {article_id}", e) from None
            except SQLAlchemyError as e:
                raise self._failed(f"could not save the check of article {article_id}", e) from None
        raise AssertionError("unreachable")

    def _save_version(self, conn: Connection, result: dict, article_id: str, hashes: tuple[str, str],
                      index: tuple[list, list, list], by: Writer) -> SavedCheck:
        article = result["article"]
        latest = conn.execute(
            select(article_versions.c.version, article_versions.c.text_sha256, article_versions.c.verdicts_sha256)
            .where(article_versions.c.article_id == article_id)
            .order_by(article_versions.c.version.desc()).limit(1)).first()
        if latest is not None and (latest.text_sha256, latest.verdicts_sha256) == hashes:
            return SavedCheck(article_id, latest.version, added=False)
        version = 1 if latest is None else latest.version + 1
        text_changed = latest is not None and latest.text_sha256 != hashes[0]
        verdicts_changed = latest is not None and latest.verdicts_sha256 != hashes[1]
        checked_at = _now()
        extraction = json.dumps(result, ensure_ascii=False, default=str)
        fields = {"url": article.get("url"), "title": article.get("title"), "outlet": article.get("outlet"),
                  "published": _as_date(article.get("published")), "checked_at": checked_at,
                  "extraction": extraction, "latest_version": version}
        if latest is None:
            conn.execute(insert(articles).values(id=article_id, **fields))
        else:
            conn.execute(update(articles).where(articles.c.id == article_id).values(**fields))
        revision = conn.execute(select(store_meta.c.value).where(store_meta.c.name == "figures_revision")).scalar()
        conn.execute(insert(article_versions).values(
            article_id=article_id, version=version, checked_at=checked_at, text_sha256=hashes[0],
            verdicts_sha256=hashes[1], figures_revision=revision, text_changed=text_changed,
            verdicts_changed=verdicts_changed, extraction=extraction))
        # The claims index follows the latest version. Children first: works whether or not
        # the backend enforces the cascades.
        for table in (verdicts, claim_actors, claims):
            conn.execute(delete(table).where(table.c.article_id == article_id))
        for table, rows in zip((claims, claim_actors, verdicts), index):
            if rows:
                conn.execute(insert(table), rows)
        if latest is None:
            write_audit(conn, "check_stored", by, article_id=article_id, version=1,
                        detail=f"{len(index[0])} claim(s), {len(index[2])} verdict(s)")
        else:
            changed = " and ".join(w for w, c in (("text", text_changed), ("verdicts", verdicts_changed)) if c)
            write_audit(conn, "version_added", by, article_id=article_id, version=version,
                        detail=f"{changed} changed; {len(index[0])} claim(s), {len(index[2])} verdict(s)")
        return SavedCheck(article_id, version, added=True, text_changed=text_changed,
                          verdicts_changed=verdicts_changed)

    # -- reading checks

    def get_article(self, article_id: str, version: Optional[int] = None) -> Optional[dict]:
        """The stored check of one article (the contract JSON, verdicts filled): its latest
        version, or version ``version``; None when there is no such article or version."""
        if version is None:
            rows = self._read(select(articles.c.extraction).where(articles.c.id == article_id))
        else:
            rows = self._read(select(article_versions.c.extraction).where(
                article_versions.c.article_id == article_id, article_versions.c.version == version))
        return json.loads(rows[0].extraction) if rows else None

    def checked_on(self, article_id: str, version: Optional[int] = None) -> Optional[date]:
        """The UTC day the article's check (its latest version, or ``version``) was stored:
        a ClaimReview's review date. None when there is no such article or version."""
        if version is None:
            rows = self._read(select(articles.c.checked_at).where(articles.c.id == article_id))
        else:
            rows = self._read(select(article_versions.c.checked_at).where(
                article_versions.c.article_id == article_id, article_versions.c.version == version))
        return _utc(rows[0].checked_at).date() if rows and rows[0].checked_at else None

    def list_versions(self, article_id: str) -> list[dict]:
        """Every version of one article, oldest first: version, checked_at, text_sha256,
        figures_revision, text_changed, verdicts_changed, claims (count) and verdicts (per
        status). Empty for an article that is not stored."""
        rows = self._read(select(article_versions).where(article_versions.c.article_id == article_id)
                          .order_by(article_versions.c.version))
        return [_version_summary(r) for r in rows]

    def figures_revision(self) -> int:
        """How many imports have added figures to this store (each article version records it)."""
        rows = self._read(select(store_meta.c.value).where(store_meta.c.name == "figures_revision"))
        return int(rows[0][0]) if rows else 0

    def list_articles(self, limit: int = 100, offset: int = 0) -> list[dict]:
        """Checked articles, newest publication first: id, url, title, outlet, published,
        checked_at (of the latest version), version (the latest's number), and how many
        claims each verdict status has in the latest version."""
        rows = self._read(
            select(articles.c.id, articles.c.url, articles.c.title, articles.c.outlet, articles.c.published,
                   articles.c.checked_at, articles.c.latest_version)
            .order_by(articles.c.published.desc().nulls_last(), articles.c.checked_at.desc(), articles.c.id)
            .limit(limit).offset(offset))
        counts: dict[str, dict[str, int]] = {}
        if rows:
            ids = [r.id for r in rows]
            for r in self._read(select(verdicts.c.article_id, verdicts.c.status, func.count())
                                .where(verdicts.c.article_id.in_(ids))
                                .group_by(verdicts.c.article_id, verdicts.c.status)):
                counts.setdefault(r[0], {})[r[1]] = r[2]
        return [{
            "id": r.id, "url": r.url, "title": r.title, "outlet": r.outlet, "published": _iso(r.published),
            "checked_at": _utc(r.checked_at).isoformat() if r.checked_at else None,
            "version": r.latest_version, "verdicts": counts.get(r.id, {}),
        } for r in rows]

    def query_claims(self, status: Optional[str] = None, actor: Optional[str] = None,
                     date_from: Optional[date] = None, date_to: Optional[date] = None,
                     limit: int = 100, offset: int = 0) -> list[dict]:
        """Claims of each article's latest version with their verdicts (JSON-ready dicts),
        newest article first.

        ``status``: the verdict's status (supported, close, contradicted, unverifiable);
        ``actor``: an ISO code among the claim's actors or trade parties; ``date_from`` /
        ``date_to``: the claim's period overlaps [date_from, date_to] (claims without a
        resolved period are left out when either is given).
        """
        stmt = (
            select(claims, articles.c.url, articles.c.title, articles.c.outlet, articles.c.published,
                   articles.c.latest_version, verdicts.c.status, verdicts.c.claimed, verdicts.c.expected,
                   verdicts.c.unit, verdicts.c.figure_ids, verdicts.c.explanation)
            .select_from(
                claims.join(articles, articles.c.id == claims.c.article_id).outerjoin(
                    verdicts, and_(verdicts.c.article_id == claims.c.article_id,
                                   verdicts.c.claim_id == claims.c.claim_id)))
        )
        if status is not None:
            stmt = stmt.where(verdicts.c.status == status)
        if actor is not None:
            stmt = stmt.where(exists().where(
                claim_actors.c.article_id == claims.c.article_id,
                claim_actors.c.claim_id == claims.c.claim_id,
                claim_actors.c.actor == actor))
        if date_from is not None:
            stmt = stmt.where(claims.c.period_to >= date_from)
        if date_to is not None:
            stmt = stmt.where(claims.c.period_from <= date_to)
        stmt = stmt.order_by(articles.c.published.desc().nulls_last(), claims.c.article_id, claims.c.sentence_start,
                             claims.c.claim_id, verdicts.c.id).limit(limit).offset(offset)
        rows = self._read(stmt)
        involved: dict[tuple[str, str], list[str]] = {}
        if rows:
            article_ids = sorted({r._mapping["article_id"] for r in rows})
            for a in self._read(select(claim_actors).where(claim_actors.c.article_id.in_(article_ids))
                                .order_by(claim_actors.c.actor)):
                involved.setdefault((a.article_id, a.claim_id), []).append(a.actor)
        out = []
        for r in rows:
            m = r._mapping
            out.append({
                "article_id": m["article_id"], "article_version": m["latest_version"],
                "article_url": m["url"], "article_title": m["title"],
                "article_outlet": m["outlet"], "article_published": _iso(m["published"]),
                "claim_id": m["claim_id"], "kind": m["kind"], "sentence": m["sentence"],
                "actors": involved.get((m["article_id"], m["claim_id"]), []),
                "amount_text": m["amount_text"], "amount_value": m["amount_value"],
                "amount_unit": m["amount_unit"], "amount_bound": m["amount_bound"],
                "period_text": m["period_text"], "period_from": _iso(m["period_from"]),
                "period_to": _iso(m["period_to"]), "trade_flow": m["trade_flow"],
                "trade_from": m["trade_from"], "trade_to": m["trade_to"],
                "trade_between": json.loads(m["trade_between"]) if m["trade_between"] else None,
                "commodity": m["commodity"], "basis": m["basis"],
                "status": m["status"], "claimed": m["claimed"], "expected": m["expected"], "unit": m["unit"],
                "figures": json.loads(m["figure_ids"]) if m["figure_ids"] else [],
                "explanation": m["explanation"],
            })
        return out

    # -- the audit log

    def audit(self, limit: int = 100, offset: int = 0, *, action: Optional[str] = None,
              article_id: Optional[str] = None, since: Optional[datetime] = None) -> list[dict]:
        """Audit rows, newest first: id, at, action (check_stored, version_added,
        figures_imported, store_upgraded), who, client, article_id, version, detail."""
        stmt = select(audit_log)
        if action is not None:
            stmt = stmt.where(audit_log.c.action == action)
        if article_id is not None:
            stmt = stmt.where(audit_log.c.article_id == article_id)
        if since is not None:
            stmt = stmt.where(audit_log.c.at >= since)
        rows = self._read(stmt.order_by(audit_log.c.id.desc()).limit(limit).offset(offset))
        return [{"id": r.id, "at": _utc(r.at).isoformat(), "action": r.action, "who": r.who,
                 "client": r.client, "article_id": r.article_id, "version": r.version,
                 "detail": r.detail} for r in rows]


__all__ = ["CheckRecords", "LIBRARY", "SavedCheck", "Writer", "write_audit", "_one_line"]
