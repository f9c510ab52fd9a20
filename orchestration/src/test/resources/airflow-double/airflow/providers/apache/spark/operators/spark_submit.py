"""Double of the apache-spark provider's SparkSubmitOperator."""
from airflow.sdk import BaseOperator


class SparkSubmitOperator(BaseOperator):
    def __init__(self, *, application="", conf=None, conn_id="spark_default", files=None, py_files=None,
                 archives=None, driver_class_path=None, jars=None, java_class=None, packages=None,
                 exclude_packages=None, repositories=None, total_executor_cores=None, executor_cores=None,
                 executor_memory=None, driver_memory=None, keytab=None, principal=None, proxy_user=None,
                 name="arrow-spark", num_executors=None, status_poll_interval=1, application_args=None,
                 env_vars=None, verbose=False, spark_binary=None, properties_file=None, yarn_queue=None,
                 deploy_mode=None, use_krb5ccache=False, post_submit_commands=None, **kwargs):
        for key, value in (conf or {}).items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise TypeError(f"conf entries must be strings (spark-submit --conf k=v): {key!r}: {value!r}")
        if application_args is not None and not all(isinstance(a, str) for a in application_args):
            raise TypeError(f"application_args must be strings: {application_args!r}")
        for name_, value in (("executor_cores", executor_cores), ("num_executors", num_executors),
                             ("total_executor_cores", total_executor_cores)):
            if value is not None and not isinstance(value, int):
                raise TypeError(f"{name_} must be an int, got {value!r}")
        super().__init__(**kwargs)
        self.application = application
        self.conf = dict(conf or {})
        self.conn_id = conn_id
        self.java_class = java_class
        self.application_args = list(application_args or [])
        self.executor_cores = executor_cores
        self.executor_memory = executor_memory
        self.driver_memory = driver_memory
        self.num_executors = num_executors
        self.name = name
