"""newsbrief benchmarks: `python -m bench` (or `make bench`) prints one Markdown table.

Not tests: they measure throughput, latency, memory and event-loop lag against
targets and report pass/miss. See bench/__main__.py for the options.
"""
