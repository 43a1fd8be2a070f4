"""Response models: what each endpoint returns, as the OpenAPI document shows it."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from proxywatch.serve.pagination import Page


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    url: str | None
    source: str | None
    published: str | None
    lang: str | None
    fmt: str
    n_chars: int
    ingested_at: str


class Span(BaseModel):
    """Where a fact was read in the document: the sentence and its character span."""

    start: int
    end: int
    sentence: str
    rule: str
    confidence: float


class Mention(BaseModel):
    id: str
    actor_id: str
    actor_name: str | None
    text: str
    start: int = Field(description="Character offset of the mention in the document's text.")
    end: int
    rule: str
    confidence: float


class Evidence(BaseModel):
    document_id: str | None = Field(description="None for a tie the actor dictionary alone gives.")
    sentence: str
    start: int
    end: int


class Event(BaseModel):
    id: str
    type: str = Field(description="PLOVER event type.")
    mode: str | None
    source: str | None
    source_name: str | None
    target: str | None
    target_name: str | None
    date: str | None
    date_precision: str
    location: str | None
    country: str | None
    negated: bool
    intended: bool
    hypothetical: bool
    historical: bool
    confidence: float
    n_sources: int = Field(description="Distinct documents that report the event.")
    first_seen: str | None
    last_seen: str | None
    directive: str | None
    directive_type: str | None
    directive_target: str | None
    responds_to: str | None = Field(
        None, description="The directive (an event id) an analyst linked this response to."
    )


class EventWithEvidence(Event):
    evidence: list[Evidence]


class EventInDocument(Event):
    span: Span


class Tie(BaseModel):
    id: str
    tie: str
    source: str
    source_name: str | None
    target: str
    target_name: str | None
    valid: str = Field(description="current or former")
    start: str | None
    end: str | None
    confidence: float
    n_sources: int
    first_seen: str | None
    last_seen: str | None
    provenance: str = Field(
        description="documents (read in a document) or dictionary (the actor dictionary alone)"
    )


class TieWithEvidence(Tie):
    evidence: list[Evidence]
    documents: list[str]


class TieInDocument(Tie):
    span: Span


class DocumentDetail(DocumentSummary):
    published_from: str | None
    origin: str
    external_id: str | None
    text: str
    extracted_at: str | None
    mentions: list[Mention]
    events: list[EventInDocument]
    ties: list[TieInDocument]


class Actor(BaseModel):
    id: str
    name: str
    type: str
    country: str | None
    part_of: str | None
    origin: str = Field(description="dictionary, extracted, generic, or split (made by a correction)")


class AliasMatch(BaseModel):
    alias: str
    score: float = Field(description="100 for an exact match of the normalised alias, else rapidfuzz WRatio.")
    exact: bool


class ActorFound(Actor):
    match: AliasMatch | None = None


class Correction(BaseModel):
    """An analyst's correction, applied on top of extraction until it is undone."""

    id: int
    kind: str = Field(
        description="merge, split, set_actor, reject_event, reject_tie, set_event or link_response"
    )
    subject: str = Field(description="The actor, event or tie it corrects.")
    detail: dict[str, Any]
    reason: str
    made_by: str
    created_at: str
    undone_at: str | None


class ActorProfile(Actor):
    created_at: str
    requested_id: str = Field(
        description="The id asked for: an actor merged into this one answers this profile."
    )
    merged_from: list[str] = Field(description="Ids of the actors merged into this one.")
    corrections: list[Correction] = Field(description="The active corrections that touch this actor.")
    aliases: list[str]
    ties: list[TieWithEvidence]
    events_as_source: Page[EventWithEvidence]
    events_as_target: Page[EventWithEvidence]


class GraphNode(BaseModel):
    id: str
    name: str | None
    type: str | None
    country: str | None


class GraphEdge(BaseModel):
    kind: str = Field(description="tie (a standing tie) or interaction (the window's events, summed)")
    source: str
    target: str
    tie: str | None = None
    valid: str | None = None
    start: str | None = None
    end: str | None = None
    provenance: str | None = None
    weight: float | None = Field(None, description="Summed PLOVER weight of the interactions.")
    count: int | None = None
    types: dict[str, int] | None = None


class Graph(BaseModel):
    start: str | None
    end: str | None
    nodes: list[GraphNode]
    edges: list[GraphEdge]
    total: int = Field(description="Edges in the whole graph; nodes are those of this page's edges.")
    limit: int
    offset: int


class IngestProblem(BaseModel):
    origin: str = Field(description="The uploaded file's name (and entry, where it applies).")
    line: int | None
    kind: str
    reason: str


class IngestResult(BaseModel):
    files: int
    added: int
    duplicates: int
    failed: int
    problems: list[IngestProblem]
    documents: list[str] = Field(description="Ids of the documents added.")


# corrections: what POST /api/corrections takes, one model per kind ---------------------------


class _CorrectionBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str | None = Field(None, max_length=2000, description="Why (free text).")
    made_by: str | None = Field(None, max_length=64, description='Who (default "analyst").')


Id = Annotated[str, Field(min_length=1, max_length=160)]


class MergeBody(_CorrectionBody):
    """``actor_id`` and ``into_id`` are one actor, shown as ``into_id``."""

    kind: Literal["merge"]
    actor_id: Id
    into_id: Id


class SplitBody(_CorrectionBody):
    """The mentions of ``actor_id`` whose text is one of ``aliases`` (and what rests on them
    alone) belong to a new actor named ``name``."""

    kind: Literal["split"]
    actor_id: Id
    aliases: list[Annotated[str, Field(min_length=1, max_length=300)]] = Field(min_length=1)
    name: str = Field(min_length=1, max_length=300)


class SetActorBody(_CorrectionBody):
    kind: Literal["set_actor"]
    actor_id: Id
    type: str | None = Field(None, description="An actor type of the ontology.")
    country: str | None = Field(None, description="ISO 3166 alpha-3, e.g. IRQ.")
    name: str | None = Field(None, max_length=300)


class RejectEventBody(_CorrectionBody):
    kind: Literal["reject_event"]
    event_id: Id


class RejectTieBody(_CorrectionBody):
    kind: Literal["reject_tie"]
    tie_id: Id


class SetEventBody(_CorrectionBody):
    kind: Literal["set_event"]
    event_id: Id
    type: str | None = Field(None, description="A PLOVER event type.")
    source_id: Id | None = None
    target_id: Id | None = None


class LinkResponseBody(_CorrectionBody):
    """Event ``event_id`` answers the request ``directive_id``."""

    kind: Literal["link_response"]
    event_id: Id
    directive_id: Id


CorrectionBody = Annotated[
    MergeBody | SplitBody | SetActorBody | RejectEventBody | RejectTieBody | SetEventBody | LinkResponseBody,
    Field(discriminator="kind"),
]
