"""The `newsbrief` command line (also `python -m bot`)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def cmd_extract(args) -> int:
    from extract import Extractor

    text = Path(args.file).read_text(encoding="utf-8", errors="replace")
    brief = Extractor().extract(text)
    if args.json:
        print(json.dumps(brief.to_json(), ensure_ascii=False, indent=1))
    else:
        print(brief.title)
        for e in brief.entities:
            print(f"  {e.type:7} {e.name}" + (f" ({e.role})" if e.role else "")
                  + (f"  aka {', '.join(e.aliases)}" if e.aliases else ""))
        for s in brief.statements:
            print(f"  [{s.kind}] {s.speaker or '?'}: {s.text}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="newsbrief", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="run extraction on one file, no database")
    ex.add_argument("file")
    ex.add_argument("--json", action="store_true", help="print the scorer's JSON schema")
    ex.set_defaults(func=cmd_extract)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
