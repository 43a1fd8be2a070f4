"""Pages of a collection: ``limit`` and ``offset`` in, ``items`` and the ``total`` out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
T = TypeVar("T")


@dataclass(frozen=True)
class PageParams:
    limit: int
    offset: int

    def page(self, items: list[Any], total: int) -> dict[str, Any]:
        return {"items": items, "total": total, "limit": self.limit, "offset": self.offset}

    def slice(self, items: list[Any]) -> list[Any]:
        return items[self.offset : self.offset + self.limit]


def page_params(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
) -> PageParams:
    return PageParams(limit, offset)


class Page(BaseModel, Generic[T]):
    """One page of a collection, and how many items the whole collection holds."""

    items: list[T]
    total: int
    limit: int
    offset: int
