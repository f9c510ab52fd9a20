"""Double of dag-factory 1.x's load_yaml_dags: default key, __type__ casting, DAG and task building."""
import datetime
import importlib
import inspect

import yaml

from airflow.sdk import DAG

DROPPED_DAG_KEYS = {}


def _cast(value):
    if isinstance(value, dict):
        if "__type__" in value:
            path = value["__type__"]
            module, _, name = path.rpartition(".")
            cls = getattr(importlib.import_module(module), name)
            args = [_cast(a) for a in value.get("__args__", [])]
            kwargs = {k: _cast(v) for k, v in value.items() if k not in ("__type__", "__args__")}
            return cls(*args, **kwargs)
        return {k: _cast(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_cast(v) for v in value]
    return value


def _date(value):
    if isinstance(value, str):
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return datetime.datetime(value.year, value.month, value.day)
    return value


def _merge(base, override):
    out = dict(base)
    for k, v in override.items():
        out[k] = _merge(out[k], v) if isinstance(v, dict) and isinstance(out.get(k), dict) else v
    return out


def load_yaml_dags(globals_dict, dags_folder=None, config_filepath=None, config_dict=None,
                   defaults_config_path=None, defaults_config_dict=None, suffix=None):
    with open(config_filepath, encoding="utf-8") as f:
        config = yaml.safe_load(f)
    default = config.pop("default", {}) or {}
    dag_params = set(inspect.signature(DAG.__init__).parameters) - {"self"}
    for dag_id, raw in config.items():
        spec = _merge(default, raw)
        tasks = spec.pop("tasks", [])
        spec.pop("task_groups", None)
        schedule = spec.pop("schedule", None)
        if "schedule_interval" in spec:
            raise ValueError("schedule_interval is not supported by dag-factory 1.x")
        kwargs = {}
        for k, v in spec.items():
            if k in dag_params:
                kwargs[k] = _cast(v)
            else:
                DROPPED_DAG_KEYS.setdefault(dag_id, []).append(k)
        for key in ("start_date", "end_date"):
            if key in kwargs:
                kwargs[key] = _date(kwargs[key])
            if key in kwargs.get("default_args", {}):
                kwargs["default_args"][key] = _date(kwargs["default_args"][key])
        schedule = None if schedule in (None, "None") else _cast(schedule)
        if isinstance(tasks, dict):
            tasks = [dict(t, task_id=k) for k, t in tasks.items()]
        with DAG(dag_id=dag_id, schedule=schedule, **kwargs) as dag:
            built = {}
            for t in tasks:
                t = dict(t)
                task_id = t.pop("task_id")
                module, _, name = t.pop("operator").rpartition(".")
                t.pop("dependencies", None)
                t.pop("task_group_name", None)
                operator = getattr(importlib.import_module(module), name)
                built[task_id] = operator(task_id=task_id, **{k: _cast(v) for k, v in t.items()})
            for t in tasks:
                deps = t.get("dependencies") or []
                missing = [d for d in deps if d not in built]
                if missing:
                    raise ValueError(f"{t['task_id']}: unknown dependencies {missing}")
                if deps:
                    built[t["task_id"]].set_upstream([built[d] for d in deps])
        globals_dict[dag_id] = dag
