"""Brian2 references for Myelin's neuron catalogue (a validation script, not a test).

usage: /usr/bin/python3 myelin-bench/scripts/neurons_brian2.py

Prints, for the same equations, parameters and schedule as Myelin (dt = 0.1 ms unless noted,
Brian2's numpy target):
  - Izhikevich presets at I = 10 (Izhikevich's units), Euler and RK4 (Brian2's exponential Euler
    rejects the quadratic term): first five spike times, spikes in 300 ms;
  - HH at 10 uA/cm^2 (dt = 0.01 ms, exponential Euler): rate over 250 ms, peak v;
  - AdEx (Brette and Gerstner 2005) at 800 pA: adaptation index over 500 ms (RK4).
Compare with the Java tests IzhikevichTest, HodgkinHuxleyTest and AdExTest.

Results with Brian2 2.5.1 (2026-11-25): Myelin's spike times are the same to the step for every
Izhikevich preset with Euler and RK4 (RS rk4 3.1, 26.4, 71.3, 116.2, 161.1 ms), HH gives 67.98 Hz
and a 40.13 mV peak in both, and the AdEx v and w traces agree to 1e-13 (first spike at step 177,
adaptation index 0.0765).
"""
import numpy as np
from brian2 import (NeuronGroup, SpikeMonitor, StateMonitor, defaultclock, ms, mV, pA, nS, pF, run,
                    start_scope, prefs)

prefs.codegen.target = 'numpy'


def izhikevich(a, b, c, d, method):
    start_scope()
    defaultclock.dt = 0.1 * ms
    eqs = '''dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
             du/dt = a*(b*v - u)/ms : 1
             I : 1'''
    g = NeuronGroup(1, eqs, threshold='v >= 30', reset='v = c; u += d', method=method,
                    namespace=dict(a=a, b=b, c=c, d=d))
    g.v = -65
    g.u = b * -65
    g.I = 10
    m = SpikeMonitor(g)
    run(300 * ms)
    return np.asarray(m.t / ms)


def hh():
    start_scope()
    defaultclock.dt = 0.01 * ms
    eqs = '''dv/dt = (-120*m**3*h*(v - 50) - 36*n**4*(v + 77) - 0.3*(v + 54.387) + 10)/ms : 1
             dm/dt = (alpham*(1 - m) - betam*m)/ms : 1
             dh/dt = (alphah*(1 - h) - betah*h)/ms : 1
             dn/dt = (alphan*(1 - n) - betan*n)/ms : 1
             alpham = 0.1*(v + 40)/(1 - exp(-(v + 40)/10)) : 1
             betam = 4*exp(-(v + 65)/18) : 1
             alphah = 0.07*exp(-(v + 65)/20) : 1
             betah = 1/(1 + exp(-(v + 35)/10)) : 1
             alphan = 0.01*(v + 55)/(1 - exp(-(v + 55)/10)) : 1
             betan = 0.125*exp(-(v + 65)/80) : 1'''
    g = NeuronGroup(1, eqs, threshold='v >= 0', refractory='v >= 0', method='exponential_euler')
    v0 = -65.0
    am, bm = 0.1 * (v0 + 40) / (1 - np.exp(-(v0 + 40) / 10)), 4 * np.exp(-(v0 + 65) / 18)
    ah, bh = 0.07 * np.exp(-(v0 + 65) / 20), 1 / (1 + np.exp(-(v0 + 35) / 10))
    an, bn = 0.01 * (v0 + 55) / (1 - np.exp(-(v0 + 55) / 10)), 0.125 * np.exp(-(v0 + 65) / 80)
    g.v = v0
    g.m, g.h, g.n = am / (am + bm), ah / (ah + bh), an / (an + bn)
    m = SpikeMonitor(g)
    s = StateMonitor(g, 'v', record=0)
    run(250 * ms)
    t = np.asarray(m.t / ms)
    rate = 1000.0 * (len(t) - 2) / (t[-1] - t[1])
    return rate, float(np.max(s.v[0])), t[0]


def adex():
    start_scope()
    defaultclock.dt = 0.1 * ms
    C, gL, EL, VT, DeltaT = 281 * pF, 30 * nS, -70.6 * mV, -50.4 * mV, 2 * mV
    tauw, a, b, Vpeak, Vr, I = 144 * ms, 4 * nS, 80.5 * pA, 0 * mV, -70.6 * mV, 800 * pA
    eqs = '''dv/dt = (-gL*(vc - EL) + gL*DeltaT*exp((vc - VT)/DeltaT) - w + I)/C : volt
             dw/dt = (a*(vc - EL) - w)/tauw : amp
             vc = clip(v, -inf*mV, Vpeak) : volt'''
    g = NeuronGroup(1, eqs, threshold='v >= Vpeak', reset='v = Vr; w += b', method='rk4')
    g.v = EL
    m = SpikeMonitor(g)
    run(500 * ms)
    t = np.asarray(m.t / ms)
    isi = np.diff(t)
    index = np.mean((isi[1:] - isi[:-1]) / (isi[1:] + isi[:-1]))
    return index, len(t), t[0]


if __name__ == '__main__':
    presets = {'regular_spiking': (0.02, 0.2, -65, 8), 'fast_spiking': (0.1, 0.2, -65, 2),
               'bursting': (0.02, 0.2, -55, 4), 'chattering': (0.02, 0.2, -50, 2)}
    for name, p in presets.items():
        for method in ('euler', 'rk4'):
            t = izhikevich(*p, method)
            print(f'izhikevich {name:16s} {method:17s} spikes={len(t):3d} first5={np.round(t[:5], 1).tolist()}')
    rate, peak, first = hh()
    print(f'hh I=10uA/cm2 exponential_euler dt=0.01ms rate={rate:.2f} Hz peak={peak:.2f} mV first={first:.2f} ms')
    index, n, first = adex()
    print(f'adex I=800pA rk4 adaptation_index={index:.4f} spikes={n} first={first:.1f} ms')
