"""newsprism: read one news story through many outlets."""

__version__ = "0.1.0"
