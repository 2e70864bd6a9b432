"""Putting a stored document into a story: find candidate stories by key, join, open or merge."""

from __future__ import annotations

from sqlalchemy import Connection, and_, delete, func, or_, select, update

from storyline.document import Document
from storyline.store import schema
from storyline.story import cluster
from storyline.story.cluster import StoryProfile
from storyline.story.terms import Vocabulary


def assign_story(
    conn: Connection,
    doc: Document,
    terms: dict[str, float],
    day: int | None,
    copy_of: str | None,
    vocabulary: Vocabulary,
) -> int:
    """The story the document now belongs to (joined, opened, or the result of a merge)."""
    if copy_of is not None:
        target = _load(
            conn,
            [
                conn.execute(
                    select(schema.documents.c.story_id).where(schema.documents.c.id == copy_of)
                ).scalar_one()
            ],
        )[0]
        bridged: list[StoryProfile] = []
    else:
        vector = vocabulary.weigh(terms)
        scores = [
            (cluster.similarity(vector, day, story, vocabulary), story)
            for story in _candidates(conn, terms, day, vocabulary)
        ]
        best, bridged = cluster.decide(scores)
        target = best if best is not None else _open(conn)
    if bridged:
        target = _merge(conn, target, bridged)
    _add(conn, target, doc, terms, day, vocabulary)
    return target.id


def _candidates(
    conn: Connection, terms: dict[str, float], day: int | None, vocabulary: Vocabulary
) -> list[StoryProfile]:
    """Stories sharing the document's most distinctive keys, within reach in time, most shared first."""
    keys = cluster.top_keys(terms, vocabulary, cluster.QUERY_KEYS)
    if not keys:
        return []
    shared = func.count().label("shared")
    query = select(schema.story_keys.c.story_id, shared).where(schema.story_keys.c.key.in_(keys))
    if day is not None:
        reach = int(cluster.reach_days())
        s = schema.stories.c
        query = query.join(schema.stories, s.id == schema.story_keys.c.story_id).where(
            or_(s.first_day.is_(None), and_(s.last_day >= day - reach, s.first_day <= day + reach))
        )
    ids = (
        conn.execute(
            query.group_by(schema.story_keys.c.story_id)
            .order_by(shared.desc(), schema.story_keys.c.story_id)
            .limit(cluster.CANDIDATES)
        )
        .scalars()
        .all()
    )
    return _load(conn, list(ids))


def _load(conn: Connection, ids: list[int]) -> list[StoryProfile]:
    if not ids:
        return []
    s = schema.stories.c
    rows = conn.execute(select(s.id, s.profile, s.first_day, s.last_day, s.size).where(s.id.in_(ids))).all()
    by_id = {r.id: StoryProfile(r.id, dict(r.profile), r.first_day, r.last_day, r.size) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


def _open(conn: Connection) -> StoryProfile:
    story_id = conn.execute(
        schema.stories.insert().values(size=0, profile={}).returning(schema.stories.c.id)
    ).scalar_one()
    return StoryProfile(int(story_id), {}, None, None, 0)


def _merge(conn: Connection, target: StoryProfile, others: list[StoryProfile]) -> StoryProfile:
    """Fold the other stories into the largest of them all (the oldest on a tie), which keeps its id."""
    group = sorted([target, *others], key=lambda s: (-s.size, s.id))
    keep, gone = group[0], group[1:]
    gone_ids = [s.id for s in gone]
    conn.execute(
        update(schema.documents).where(schema.documents.c.story_id.in_(gone_ids)).values(story_id=keep.id)
    )
    conn.execute(delete(schema.story_keys).where(schema.story_keys.c.story_id.in_(gone_ids)))
    conn.execute(delete(schema.stories).where(schema.stories.c.id.in_(gone_ids)))
    days = [d for s in group for d in (s.first_day, s.last_day) if d is not None]
    merged = StoryProfile(
        keep.id,
        cluster.combine([s.profile for s in group]),
        min(days, default=None),
        max(days, default=None),
        sum(s.size for s in group),
    )
    s = schema.stories.c
    first, last = conn.execute(
        select(func.min(schema.documents.c.published), func.max(schema.documents.c.published)).where(
            schema.documents.c.story_id == keep.id
        )
    ).one()
    conn.execute(update(schema.stories).where(s.id == keep.id).values(first_seen=first, last_seen=last))
    return merged


def _add(
    conn: Connection,
    story: StoryProfile,
    doc: Document,
    terms: dict[str, float],
    day: int | None,
    vocabulary: Vocabulary,
) -> None:
    story.profile = cluster.add_terms(story.profile, terms)
    story.size += 1
    s = schema.stories.c
    current = conn.execute(select(s.title, s.first_seen, s.last_seen).where(s.id == story.id)).one()
    values: dict[str, object] = {"profile": story.profile, "size": story.size}
    earliest = current.first_seen is None or (
        doc.published is not None and doc.published < current.first_seen
    )
    if current.title is None or (earliest and doc.title):
        values["title"] = doc.title or _first_line(doc.text)
    if doc.published is not None:
        if current.first_seen is None or doc.published < current.first_seen:
            values["first_seen"] = doc.published
        if current.last_seen is None or doc.published > current.last_seen:
            values["last_seen"] = doc.published
    if day is not None:
        story.first_day = day if story.first_day is None else min(story.first_day, day)
        story.last_day = day if story.last_day is None else max(story.last_day, day)
        values.update(first_day=story.first_day, last_day=story.last_day)
    conn.execute(update(schema.stories).where(s.id == story.id).values(**values))
    conn.execute(update(schema.documents).where(schema.documents.c.id == doc.id).values(story_id=story.id))
    # Re-index the story under its present most distinctive keys.
    conn.execute(delete(schema.story_keys).where(schema.story_keys.c.story_id == story.id))
    keys = cluster.top_keys(story.profile, vocabulary, cluster.INDEX_KEYS)
    conn.execute(schema.story_keys.insert(), [{"key": key, "story_id": story.id} for key in keys])


def _first_line(text: str) -> str:
    return text.strip().split("\n", 1)[0][:200]
