"""`python -m seasonwatch`: the same as the installed `seasonwatch` command."""

from seasonwatch.cli import console_main

console_main()
