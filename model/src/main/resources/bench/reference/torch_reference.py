"""Independent PyTorch computation of learner updates, for io.oris.model.learner.TorchReferenceTest.

Usage:
  torch_reference.py IN.json OUT.json   one case: reads the case, writes the reference's losses, per-row
                                        quantities, gradients and updated parameters
  torch_reference.py --serve            many cases: reads lines "IN.json<TAB>OUT.json" on stdin and answers each
                                        with a line "ok" or "error <message>" (traceback on stderr)
The exchange format and what each method computes are described in README.md beside this file.
"""
import json
import os
import sys
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import torch  # noqa: E402

import bc  # noqa: E402
import iql  # noqa: E402
import sac_family  # noqa: E402
import sql  # noqa: E402
import td3bc  # noqa: E402


def run(in_path, out_path):
    with open(in_path) as f:
        case = json.load(f)
    method = case["method"].lower()
    if method == "td3bc":
        out = td3bc.update(case)
    elif method == "iql":
        out = iql.update(case)
    elif method == "sql":
        out = sql.update(case)
    elif method == "bc":
        out = bc.update(case)
    elif sac_family.base_method(method) in ("sac", "cql", "combo", "h2o", "darc", "darc+", "oris"):
        out = sac_family.update(case)
    else:
        raise ValueError("no reference for method '%s'" % case["method"])
    out["method"] = case["method"]
    out["torch_version"] = torch.__version__
    with open(out_path, "w") as f:
        json.dump(out, f)


def serve():
    torch.set_num_threads(1)
    print("ready torch " + torch.__version__, flush=True)
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        try:
            in_path, out_path = line.split("\t")
            run(in_path, out_path)
            print("ok", flush=True)
        except Exception as e:  # report and keep serving
            traceback.print_exc(file=sys.stderr)
            sys.stderr.flush()
            print("error " + (type(e).__name__ + ": " + str(e)).replace("\n", " "), flush=True)


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--serve":
        serve()
    elif len(sys.argv) == 3:
        torch.set_num_threads(1)
        run(sys.argv[1], sys.argv[2])
    else:
        sys.exit(__doc__)
