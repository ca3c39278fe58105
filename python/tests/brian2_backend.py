"""pyNN.brian2 for the comparison tests, or None when python3-brian is not installed.

Brian2 runs with its numpy code generation and without its log output, so that a comparison
needs no compiler and prints nothing but the test results.
"""
import unittest

try:
    import brian2
    brian2.prefs.codegen.target = "numpy"
    brian2.BrianLogger.suppress_hierarchy("brian2")
    import pyNN.brian2 as pynn_brian2
except ImportError:  # pragma: no cover - the comparisons are skipped then
    pynn_brian2 = None

needs_brian2 = unittest.skipIf(pynn_brian2 is None, "pyNN.brian2 (python3-brian) is not installed")
