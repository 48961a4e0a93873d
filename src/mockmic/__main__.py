"""`python -m mockmic` runs the command line."""

from mockmic.cli import main

main()
