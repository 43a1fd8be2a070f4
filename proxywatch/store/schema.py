"""SQLAlchemy Core tables: documents, ingest errors, actors, mentions, events, ties, judgements,
analysts' corrections, feeds.

Every fact row carries provenance through an ``*_evidence`` row: document, sentence,
character span, the rule or model that produced it and a confidence. Ids are hashes
of key fields (see ``proxywatch.ids``), so writing the same fact twice is a no-op.
Changing this file means writing an Alembic migration under ``store/migrations``.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

ID = String(64)

documents = Table(
    "documents",
    metadata,
    Column("id", ID, primary_key=True, comment="hash of the normalised text"),
    Column("title", Text),
    Column("url", Text),
    Column("source", Text),
    Column("published", Date),
    Column("published_from", String(16), comment="metadata, dateline, option or none"),
    Column("lang", String(16)),
    Column("fmt", String(16), nullable=False),
    Column("origin", Text, nullable=False, comment="path, with line or entry where it applies"),
    Column("external_id", Text),
    Column("n_chars", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_at", DateTime(timezone=True)),
    Column("extractor", String(64)),
)
Index("ix_documents_published", documents.c.published)
Index("ix_documents_source", documents.c.source)
Index("ix_documents_ingested_at", documents.c.ingested_at)  # max() of the data version
Index("ix_documents_extracted_at", documents.c.extracted_at)

ingest_errors = Table(
    "ingest_errors",
    metadata,
    Column("id", ID, primary_key=True, comment="hash of origin, line, kind and reason"),
    Column("origin", Text, nullable=False),
    Column("line", Integer),
    Column("kind", String(32), nullable=False),
    Column("reason", Text, nullable=False),
    Column("first_seen", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
    Column("times", Integer, nullable=False, default=1),
)

actors = Table(
    "actors",
    metadata,
    Column("id", String(160), primary_key=True),
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("country", String(3)),
    Column("part_of", String(160)),
    Column("origin", String(16), nullable=False, comment="dictionary, extracted or generic"),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

actor_aliases = Table(
    "actor_aliases",
    metadata,
    Column("actor_id", String(160), ForeignKey("actors.id"), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("normalized", Text, nullable=False),
)
Index("ix_actor_aliases_normalized", actor_aliases.c.normalized)

actor_judgements = Table(
    "actor_judgements",
    metadata,
    Column("id", ID, primary_key=True),
    Column("left_id", String(160), nullable=False),
    Column("right_id", String(160), nullable=False),
    Column("judgement", String(16), nullable=False, comment="same, different or unsure"),
    Column("reason", Text, nullable=False),
    Column("made_by", String(64), nullable=False, comment="a rule id or a user name"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
)

corrections = Table(
    "corrections",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False, comment="merge, split, set_actor, reject_event, ..."),
    Column("subject", String(160), nullable=False, comment="the actor, event or tie it corrects"),
    Column("detail", Text, nullable=False, comment="JSON object: what the kind needs"),
    Column("reason", Text, nullable=False, default=""),
    Column("made_by", String(64), nullable=False, comment="the analyst"),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("undone_at", DateTime(timezone=True)),
)
Index("ix_corrections_subject", corrections.c.subject)

mentions = Table(
    "mentions",
    metadata,
    Column("id", ID, primary_key=True),
    Column("document_id", ID, ForeignKey("documents.id"), nullable=False),
    Column("actor_id", String(160), nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
)
Index("ix_mentions_document", mentions.c.document_id)
Index("ix_mentions_actor", mentions.c.actor_id)

events = Table(
    "events",
    metadata,
    Column(
        "id",
        ID,
        primary_key=True,
        comment="hash of type, source, target, negated/intended/hypothetical, date and precision",
    ),
    Column("type", String(16), nullable=False),
    Column("mode", String(32)),
    Column("source_id", String(160)),
    Column("target_id", String(160)),
    Column("date", Date),
    Column("date_precision", String(8), nullable=False, default="none"),
    Column("location", Text),
    Column("country", String(3)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("intended", Boolean, nullable=False, default=False),
    Column("hypothetical", Boolean, nullable=False, default=False),
    Column("historical", Boolean, nullable=False, default=False),
    Column("confidence", Float, nullable=False),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("directive", String(16), comment="for requests: prohibits or asks"),
    Column("directive_type", String(16), comment="the event type asked to stop or to happen"),
    Column("directive_target", String(160), comment="the actor that event would touch"),
)
Index("ix_events_date", events.c.date)
Index("ix_events_group", events.c.type, events.c.source_id, events.c.target_id)
Index("ix_events_source", events.c.source_id)
Index("ix_events_target", events.c.target_id)
# covers a window's interactions (browse.interaction_counts): read from the index alone
Index(
    "ix_events_window",
    events.c.date,
    events.c.source_id,
    events.c.target_id,
    events.c.type,
    events.c.negated,
    events.c.intended,
    events.c.hypothetical,
)

event_evidence = Table(
    "event_evidence",
    metadata,
    Column("id", ID, primary_key=True),
    Column("event_id", ID, ForeignKey("events.id"), nullable=False),
    Column("document_id", ID, ForeignKey("documents.id"), nullable=False),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
    # what this report says of the event: merging reports (store.merge) is recomputed from these,
    # so the merged events do not depend on the order in which reports arrived
    Column("date", Date),
    Column("date_precision", String(8), nullable=False, default="none", server_default="none"),
    Column("mode", String(32)),
    Column("location", Text),
    Column("country", String(3)),
    Column("historical", Boolean, nullable=False, default=False, server_default=false()),
    Column("directive", String(16)),
    Column("directive_type", String(16)),
    Column("directive_target", String(160)),
)
Index("ix_event_evidence_event", event_evidence.c.event_id)
Index("ix_event_evidence_document", event_evidence.c.document_id)

ties = Table(
    "ties",
    metadata,
    Column("id", ID, primary_key=True, comment="hash of source, tie, target and valid"),
    Column("tie", String(32), nullable=False),
    Column("source_id", String(160), nullable=False),
    Column("target_id", String(160), nullable=False),
    Column("valid", String(8), nullable=False, comment="current or former"),
    Column("start", String(10), comment="YYYY[-MM[-DD]] where known"),
    Column("end", String(10)),
    Column("confidence", Float, nullable=False),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("first_seen", Date),
    Column("last_seen", Date),
)
Index("ix_ties_source", ties.c.source_id)
Index("ix_ties_target", ties.c.target_id)

tie_evidence = Table(
    "tie_evidence",
    metadata,
    Column("id", ID, primary_key=True),
    Column("tie_id", ID, ForeignKey("ties.id"), nullable=False),
    Column("document_id", ID, ForeignKey("documents.id")),
    Column("sentence", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("rule", String(64), nullable=False),
    Column("confidence", Float, nullable=False),
)
Index("ix_tie_evidence_tie", tie_evidence.c.tie_id)

feeds = Table(
    "feeds",
    metadata,
    Column("id", ID, primary_key=True, comment="hash of the URL or path"),
    Column("url", Text, nullable=False, comment="an http(s) URL, or a watched file or folder"),
    Column("kind", String(8), nullable=False, comment="url or path"),
    Column("etag", Text, comment="ETag of the last full response, sent back as If-None-Match"),
    Column("last_modified", Text, comment="Last-Modified, sent back as If-Modified-Since"),
    Column("last_polled", DateTime(timezone=True)),
    Column("last_status", String(16), comment="ok, not-modified or error"),
    Column("last_error", Text),
    Column("polls", Integer, nullable=False, default=0),
    Column("new_items", Integer, nullable=False, default=0, comment="documents added, all polls"),
)

feed_polls = Table(
    "feed_polls",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_id", ID, ForeignKey("feeds.id"), nullable=False),
    Column("polled_at", DateTime(timezone=True), nullable=False),
    Column("status", String(16), nullable=False, comment="ok, not-modified or error"),
    Column("http_status", Integer),
    Column("new_items", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("seconds", Float, nullable=False),
)
Index("ix_feed_polls_feed", feed_polls.c.feed_id, feed_polls.c.polled_at)
