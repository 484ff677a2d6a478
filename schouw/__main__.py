"""`python -m schouw` runs the same command as the `schouw` script."""

from schouw.cli import main

raise SystemExit(main())
