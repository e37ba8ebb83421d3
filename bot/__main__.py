import sys

from bot.cli import main

if __name__ == "__main__":  # a spawned worker process (charts) imports this module without running it
    sys.exit(main())
