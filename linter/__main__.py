"""`python -m linter` runs the same CLI as `disclosure-lint`."""

from linter.cli import main

if __name__ == "__main__":
    main()
