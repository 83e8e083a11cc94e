"""`python -m kb` runs the command line (the `cli` package, where `kb` and `ingest` meet)."""
from cli import main

main()
