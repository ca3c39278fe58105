"""
Makes `import pyNN.myelin` load pyNN_myelin when python/ is on PYTHONPATH (bin/myelin-python),
without writing into the installed pyNN package. Python imports this module at start-up; it
first runs the system's own sitecustomize, which this file shadows.
"""

import importlib.abc
import importlib.util
import os
import sys


def _run_system_sitecustomize():
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        candidate = os.path.join(entry, "sitecustomize.py")
        if entry and os.path.abspath(entry) != here and os.path.isfile(candidate):
            spec = importlib.util.spec_from_file_location("_system_sitecustomize", candidate)
            module = importlib.util.module_from_spec(spec)
            try:
                spec.loader.exec_module(module)
            except Exception:
                pass
            return


class _PyNNMyelinFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    def find_spec(self, fullname, path, target=None):
        if fullname == "pyNN.myelin":
            return importlib.util.spec_from_loader(fullname, self)
        return None

    def create_module(self, spec):
        import pyNN_myelin
        return pyNN_myelin

    def exec_module(self, module):
        pass


_run_system_sitecustomize()
sys.meta_path.append(_PyNNMyelinFinder())
