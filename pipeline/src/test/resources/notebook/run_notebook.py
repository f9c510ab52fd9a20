"""Executes a notebook headless with nbclient (kernel python3) and writes the executed copy.

usage: run_notebook.py IN.ipynb OUT.ipynb WORKDIR; exits non-zero (with the failing cell's error) when a cell fails.
"""
import sys

import nbformat
from nbclient import NotebookClient

source, target, workdir = sys.argv[1:4]
nb = nbformat.read(source, as_version=4)
client = NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": workdir}})
try:
    client.execute()
finally:
    nbformat.write(nb, target)
