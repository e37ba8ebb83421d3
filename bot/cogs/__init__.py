"""discord.py extensions, one per area: queries, admin, ingest, errors."""
