"""The packaged entry point: ``python -m newsprism.spark INPUT... OUTPUT [flags]``, or the same file
given to ``spark-submit`` (which then says the master): ``newsprism spark run`` by another name."""

import sys

from newsprism.cli import main

if __name__ == "__main__":
    sys.exit(main(["spark", "run", *sys.argv[1:]]))
