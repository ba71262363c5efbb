"""Validates SARIF logs read from the files named on the command line against the SARIF 2.1.0
object model of the `sarif-pydantic` package; exits 1 on the first invalid log."""

import sys

from sarif_pydantic import Sarif

for path in sys.argv[1:]:
    with open(path, encoding="utf-8") as log:
        sarif = Sarif.model_validate_json(log.read())
    results = sum(len(run.results or []) for run in sarif.runs)
    print(f"{path}: valid SARIF {sarif.version}, {results} results")
