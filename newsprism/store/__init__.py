"""The SQLite store (schema in schema.sql)."""

from newsprism.store.db import Store

__all__ = ["Store"]
