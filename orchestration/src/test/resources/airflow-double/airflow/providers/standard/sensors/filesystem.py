"""Double of the standard provider's FileSensor (Airflow 3 import path)."""
from airflow.sdk import BaseSensorOperator


class FileSensor(BaseSensorOperator):
    def __init__(self, *, filepath, fs_conn_id="fs_default", recursive=False, deferrable=False,
                 start_from_trigger=False, trigger_kwargs=None, **kwargs):
        if not isinstance(filepath, str):
            raise TypeError("filepath must be a string")
        super().__init__(**kwargs)
        self.filepath = filepath
        self.fs_conn_id = fs_conn_id
