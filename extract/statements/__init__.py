"""Statement pipeline: quotations and reported speech found in the parse, each with its speaker."""
