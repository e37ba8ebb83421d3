"""The one exception the store raises for a database it cannot use."""
from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used (read-only, corrupt, newer schema, ...).
    The message is one line a person can act on."""
