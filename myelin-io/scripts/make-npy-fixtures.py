#!/usr/bin/env python3
"""Writes the .npy and .npz files the Java readers are tested against, with NumPy itself.

usage: /usr/bin/python3 myelin-io/scripts/make-npy-fixtures.py [OUTDIR]
OUTDIR defaults to myelin-io/src/test/resources/npy beside this script. The files are committed,
so the tests need no Python; run this again only to add a case (Debian: apt-get install
python3-numpy). NpyTest computes the values each file must hold from the same formulas:
  grid_*      arange(12).reshape(3, 4) / 4 (float64), in each format version and order
  cube_*      arange(24).reshape(2, 3, 4) (int32), C and Fortran order
  edges_*     the extreme values of each dtype, 1-D, see EDGES below
  conn*.npz   explicit connections i, j, weight, delay (numpy.savez and savez_compressed)
and files NumPy writes but Myelin refuses: a structured dtype, complex numbers, Python objects."""
import os
import sys

import numpy as np
from numpy.lib import format as npformat

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, '..', 'src', 'test', 'resources', 'npy')
os.makedirs(out, exist_ok=True)


def save(name, array, version=None):
    with open(os.path.join(out, name), 'wb') as f:
        npformat.write_array(f, array, version=version, allow_pickle=True)


grid = np.arange(12, dtype='<f8').reshape(3, 4) / 4
for version in [(1, 0), (2, 0), (3, 0)]:
    tag = 'v%d' % version[0]
    save('grid_%s_c.npy' % tag, np.ascontiguousarray(grid), version)
    save('grid_%s_fortran.npy' % tag, np.asfortranarray(grid), version)
cube = np.arange(24, dtype='<i4').reshape(2, 3, 4)
save('cube_c.npy', np.ascontiguousarray(cube))
save('cube_fortran.npy', np.asfortranarray(cube))

EDGES = {
    'b1': [True, False, True],
    'i1': [-128, -1, 0, 127],
    'i2': [-32768, -1, 0, 32767],
    'i4': [-2**31, -1, 0, 2**31 - 1],
    'i8': [-2**63, -1, 0, 2**53, 2**63 - 1],
    'u1': [0, 1, 255],
    'u2': [0, 1, 65535],
    'u4': [0, 1, 2**32 - 1],
    'u8': [0, 1, 2**53, 2**64 - 1],
    'f2': [-1.5, 0.0, 65504.0, 6.103515625e-05],
    'f4': [-1.5, 0.0, 3.4028234663852886e38, 1.401298464324817e-45],
    'f8': [-1.5, 0.0, 1.7976931348623157e308, 5e-324, np.inf, np.nan],
}
for code, values in EDGES.items():
    save('edges_%s.npy' % code, np.array(values, dtype='<' + code if code != 'b1' else '|b1'))
    if code in ('i4', 'u2', 'f8'):
        save('edges_big_%s.npy' % code, np.array(values, dtype='>' + code))

i = np.array([1, 0, 0, 2], dtype=np.int64)
j = np.array([0, 2, 1, 1], dtype=np.int32)
weight = np.array([0.5, -1.5, 2.0, 0.25])
delay = np.array([1.0, 0.2, 0.3, 0.1])
np.savez(os.path.join(out, 'conn.npz'), i=i, j=j, weight=weight, delay=delay)
np.savez_compressed(os.path.join(out, 'conn_compressed.npz'), i=i, j=j, weight=weight)

save('structured.npy', np.zeros(3, dtype=[('a', '<i4'), ('b', '<f8')]))
save('complex.npy', np.array([1 + 2j, 3 - 1j]))
save('object.npy', np.array([1, 'a', None], dtype=object))
print('wrote', len(os.listdir(out)), 'files into', os.path.normpath(out))
