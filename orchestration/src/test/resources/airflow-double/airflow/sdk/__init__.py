"""Double of airflow.sdk (Airflow 3): DAG, BaseOperator, BaseSensorOperator and Asset with strict signatures."""
import inspect
from datetime import datetime, timedelta

REGISTERED = []
_CONTEXT = []
PRESETS = {"@once", "@continuous", "@hourly", "@daily", "@weekly", "@monthly", "@quarterly", "@yearly",
           "@annually", "@midnight"}


class Asset:
    def __init__(self, name=None, uri=None, *, group="asset", extra=None, watchers=None):
        if name is None and uri is None:
            raise TypeError("Asset needs a name or a uri")
        self.name = name or uri
        self.uri = uri or name


def _check_schedule(schedule):
    if schedule is None or isinstance(schedule, (timedelta, Asset)):
        return
    if isinstance(schedule, str):
        if schedule in PRESETS or len(schedule.split()) == 5:
            return
        raise ValueError(f"schedule {schedule!r} is neither a preset nor a 5-field cron expression")
    if isinstance(schedule, (list, tuple)) and all(isinstance(a, Asset) for a in schedule):
        return
    raise TypeError(f"schedule of type {type(schedule).__name__} is not accepted")


def _check_date(name, value):
    if value is not None and not isinstance(value, datetime):
        raise TypeError(f"{name} must be a datetime, got {type(value).__name__}: {value!r}")


class DAG:
    def __init__(self, dag_id, description=None, default_args=None, start_date=None, end_date=None, schedule=None,
                 template_searchpath=None, template_undefined=None, user_defined_macros=None,
                 user_defined_filters=None, max_active_tasks=16, max_active_runs=16,
                 max_consecutive_failed_dag_runs=0, dagrun_timeout=None, deadline=None, sla_miss_callback=None,
                 catchup=False, on_success_callback=None, on_failure_callback=None, doc_md=None, params=None,
                 access_control=None, is_paused_upon_creation=None, jinja_environment_kwargs=None,
                 render_template_as_native_obj=False, tags=None, owner_links=None, auto_register=True,
                 fail_fast=False, dag_display_name=None, task_group=None, disable_bundle_versioning=False):
        if not isinstance(dag_id, str) or not dag_id:
            raise TypeError("dag_id must be a non-empty string")
        if description is not None and not isinstance(description, str):
            raise TypeError("description must be a string")
        if default_args is not None and not isinstance(default_args, dict):
            raise TypeError("default_args must be a dict")
        if dagrun_timeout is not None and not isinstance(dagrun_timeout, timedelta):
            raise TypeError(f"dagrun_timeout must be a timedelta, got {type(dagrun_timeout).__name__}")
        for name in ("max_active_tasks", "max_active_runs"):
            if not isinstance(locals()[name], int):
                raise TypeError(f"{name} must be an int")
        _check_schedule(schedule)
        _check_date("start_date", start_date)
        _check_date("end_date", end_date)
        self.dag_id = dag_id
        self.default_args = dict(default_args or {})
        _check_date("default_args.start_date", self.default_args.get("start_date"))
        self.schedule = schedule
        self.dagrun_timeout = dagrun_timeout
        self.start_date = start_date
        self.catchup = bool(catchup)
        self.tags = set(tags or [])
        self.task_dict = {}
        REGISTERED.append(self)

    def __enter__(self):
        _CONTEXT.append(self)
        return self

    def __exit__(self, *exc):
        _CONTEXT.pop()


def _parameters(cls):
    names = set()
    for klass in cls.__mro__:
        init = klass.__dict__.get("__init__")
        if init is not None:
            names.update(p for p in inspect.signature(init).parameters if p not in ("self", "kwargs"))
    return names


class BaseOperator:
    def __init__(self, *, task_id, owner="airflow", email=None, email_on_retry=True, email_on_failure=True,
                 retries=0, retry_delay=timedelta(seconds=300), retry_exponential_backoff=0, max_retry_delay=None,
                 start_date=None, end_date=None, depends_on_past=False, ignore_first_depends_on_past=True,
                 wait_for_past_depends_before_skipping=False, wait_for_downstream=False, dag=None, params=None,
                 default_args=None, priority_weight=1, weight_rule="downstream", queue="default", pool=None,
                 pool_slots=1, execution_timeout=None, on_execute_callback=None, on_failure_callback=None,
                 on_success_callback=None, on_retry_callback=None, on_skipped_callback=None, pre_execute=None,
                 post_execute=None, trigger_rule="all_success", resources=None, run_as_user=None,
                 map_index_template=None, max_active_tis_per_dag=None, max_active_tis_per_dagrun=None,
                 executor=None, executor_config=None, do_xcom_push=True, multiple_outputs=False, inlets=None,
                 outlets=None, task_group=None, doc=None, doc_md=None, doc_json=None, doc_yaml=None, doc_rst=None,
                 task_display_name=None, logger_name=None, allow_nested_operators=True,
                 render_template_as_native_obj=None):
        if not isinstance(task_id, str) or not task_id:
            raise TypeError("task_id must be a non-empty string")
        if not isinstance(retries, int):
            raise TypeError(f"{task_id}: retries must be an int")
        if not isinstance(retry_delay, (timedelta, int, float)):
            raise TypeError(f"{task_id}: retry_delay must be a timedelta or seconds, got {type(retry_delay).__name__}")
        if execution_timeout is not None and not isinstance(execution_timeout, timedelta):
            raise TypeError(f"{task_id}: execution_timeout must be a timedelta, got "
                            f"{type(execution_timeout).__name__}: {execution_timeout!r}")
        dag = dag or (_CONTEXT[-1] if _CONTEXT else None)
        if dag is None:
            raise RuntimeError(f"{task_id}: no DAG")
        if task_id in dag.task_dict:
            raise ValueError(f"duplicate task_id {task_id}")
        self.task_id = task_id
        self.retries = retries
        self.retry_delay = retry_delay
        self.execution_timeout = execution_timeout
        self.upstream_task_ids = set()
        self.dag = dag
        dag.task_dict[task_id] = self

    def set_upstream(self, others):
        for other in others if isinstance(others, (list, tuple)) else [others]:
            if other.dag is not self.dag:
                raise ValueError("upstream task is in another DAG")
            self.upstream_task_ids.add(other.task_id)

    def __init_subclass__(cls, **kw):
        """Applies the DAG's default_args to the parameters this class takes, as Airflow's operator metaclass."""
        super().__init_subclass__(**kw)
        original = cls.__init__

        def init(self, *args, **kwargs):
            if args:
                raise TypeError(f"{cls.__name__} takes keyword arguments only")
            dag = kwargs.get("dag") or (_CONTEXT[-1] if _CONTEXT else None)
            if dag is not None and type(self) is cls:
                accepted = _parameters(cls)
                for key, value in dag.default_args.items():
                    if key in accepted and key not in kwargs:
                        kwargs[key] = value
            original(self, **kwargs)

        cls.__init__ = init
        cls.__init__.__wrapped__ = original


class BaseSensorOperator(BaseOperator):
    def __init__(self, *, poke_interval=60, timeout=7 * 24 * 3600, soft_fail=False, mode="poke",
                 exponential_backoff=False, max_wait=None, silent_fail=False, never_fail=False, **kwargs):
        if mode not in ("poke", "reschedule"):
            raise ValueError(f"mode must be poke or reschedule, got {mode!r}")
        if not isinstance(poke_interval, (int, float, timedelta)) or not isinstance(timeout, (int, float, timedelta)):
            raise TypeError("poke_interval and timeout must be seconds or timedeltas")
        super().__init__(**kwargs)
        self.mode = mode
        self.poke_interval = poke_interval
        self.timeout = timeout
