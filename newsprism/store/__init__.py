"""The SQLite store (schema in schema.sql); all SQL lives in this package."""

from newsprism.store.db import Store
from newsprism.store.stories import StoryTables

__all__ = ["Store", "StoryTables"]
