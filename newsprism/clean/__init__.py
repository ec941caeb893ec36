"""Boilerplate removal with an audit trail, and the offset map back to the raw input."""

from newsprism.clean.cleaner import clean_document

__all__ = ["clean_document"]
