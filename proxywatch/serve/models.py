"""Response models: what each endpoint returns, as the OpenAPI document shows it."""

from __future__ import annotations

from pydantic import BaseModel, Field

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
    origin: str = Field(description="dictionary, extracted or generic")


class AliasMatch(BaseModel):
    alias: str
    score: float = Field(description="100 for an exact match of the normalised alias, else rapidfuzz WRatio.")
    exact: bool


class ActorFound(Actor):
    match: AliasMatch | None = None


class ActorProfile(Actor):
    created_at: str
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
