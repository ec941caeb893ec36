"""Assembles the brief from compared data (pure functions)."""
