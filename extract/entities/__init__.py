"""Entity pipeline: mentions found in the parse, repaired, typed and grouped into the entities of one brief."""
