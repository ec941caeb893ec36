"""The only network code of newsprism: polite HTTP (robots.txt, pace, conditional GETs, caps)."""

from newsprism.fetch.client import Fetcher, Request, Response
from newsprism.fetch.urls import clean_url, is_url, page_key

__all__ = ["Fetcher", "Request", "Response", "clean_url", "is_url", "page_key"]
