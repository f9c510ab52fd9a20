"""Runs a DAG file against the doubles and prints what it built as JSON (timedeltas in seconds)."""
import json
import runpy
import sys
from datetime import datetime, timedelta

from airflow import sdk
import dagfactory


def plain(v):
    if isinstance(v, timedelta):
        return {"timedelta_seconds": v.total_seconds()}
    if isinstance(v, datetime):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple, set)):
        return [plain(x) for x in v]
    return v


runpy.run_path(sys.argv[1], run_name="dag_file")
out = []
for dag in sdk.REGISTERED:
    tasks = {}
    for t in dag.task_dict.values():
        attrs = {k: plain(v) for k, v in vars(t).items() if k not in ("dag", "upstream_task_ids")}
        tasks[t.task_id] = {"class": type(t).__name__, "upstream": sorted(t.upstream_task_ids), "attrs": attrs}
    out.append({"dag_id": dag.dag_id, "schedule": plain(dag.schedule), "dagrun_timeout": plain(dag.dagrun_timeout),
                "default_args": plain(dag.default_args), "tasks": tasks,
                "dropped_keys": dagfactory.DROPPED_DAG_KEYS.get(dag.dag_id, [])})
print(json.dumps(out))
