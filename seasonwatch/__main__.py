"""`python -m seasonwatch`: the same as the installed `seasonwatch` command."""

import sys

from seasonwatch.cli import main

sys.exit(main())
