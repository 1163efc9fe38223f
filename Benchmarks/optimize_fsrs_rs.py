#!/usr/bin/env python3
"""fsrs-rs-python 0.9.3's compute_parameters on a history, for `recall-bench optimize`.

    .build/venv-fsrs/bin/python Benchmarks/optimize_fsrs_rs.py HISTORY.csv [PARAMETERS]

Builds the training items as recall does (tools/make_optimizer_fixtures.py: UTC days with a 04:00
rollover), times compute_parameters, and evaluates its fit and, when given (21 comma-separated
numbers, such as recall's fit), other parameters with fsrs-rs's evaluate(). Prints one JSON object.
"""

import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "tools"))
from make_optimizer_fixtures import build_items, read_history, to_fsrs  # noqa: E402
from fsrs_rs_python import DEFAULT_PARAMETERS, FSRS  # noqa: E402


def main():
    started = time.perf_counter()
    rows, cards = read_history(sys.argv[1])
    items = to_fsrs(build_items(rows, cards))
    prepared = time.perf_counter()
    fitted = FSRS(DEFAULT_PARAMETERS).compute_parameters(items)
    fitting = time.perf_counter() - prepared
    result = {
        "reviews": len(rows), "items": len(items), "parameters": fitted,
        "prepare_seconds": round(prepared - started, 3), "compute_parameters_seconds": round(fitting, 3),
    }
    evaluation = FSRS(fitted).evaluate(items)
    result["log_loss"] = evaluation.log_loss
    result["rmse_bins"] = evaluation.rmse_bins
    if len(sys.argv) > 2:
        other = [float(x) for x in sys.argv[2].split(",")]
        evaluation = FSRS(other).evaluate(items)
        result["other"] = {"parameters": other, "log_loss": evaluation.log_loss, "rmse_bins": evaluation.rmse_bins}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
