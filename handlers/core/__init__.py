"""Handler infrastructure: the command table, dispatch, permission guard, limits, input checks, replies, fetching and files."""
