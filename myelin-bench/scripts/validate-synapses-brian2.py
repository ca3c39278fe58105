#!/usr/bin/python3
"""Drives a single synapse of every Myelin synapse model, and STP/STD, with one spike train in
Brian2 (the same equations) and in Myelin, and prints the largest difference of the traces.

Not part of CI. Needs Brian2 for Debian's python3 (see brian2-run.sh) and JDK 25 (bin/java-env).

usage: /usr/bin/python3 myelin-bench/scripts/validate-synapses-brian2.py [--dt 0.1] [--duration 400]

The Myelin side is org.myelin.bench.SynapseTraces (built with mvn package if its jar is missing).
Both sides sample each variable at the start of a step (Brian2's StateMonitor 'start' slot) and
deliver a spike of step s in that step's synapse slot, so its effect is first seen at step s + 1.
Linear models and AMPA/GABAa are exact on both sides (Brian2 'exact'/'exponential_euler'); NMDA is
RK4 in Brian2 against Myelin's second-order step, so it differs by Myelin's discretisation error.
"""
import argparse
import os
import subprocess
import sys

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
JAR = os.path.join(ROOT, "myelin-bench", "target", "myelin-benchmarks.jar")
SPIKES = [0, 30, 31, 200, 203, 500, 510, 511, 512, 2000, 2050, 2100, 2150, 2200]


def myelin_traces(dt, steps, spikes):
    env = "source '%s/bin/java-env' && " % ROOT
    if not os.path.exists(JAR):
        subprocess.run(["bash", "-c", env + "cd '%s' && mvn -B -q -ntp -pl myelin-bench -am package "
                        "-Dmaven.test.skip=true" % ROOT], check=True)
    cmd = env + "java -cp '%s' org.myelin.bench.SynapseTraces %r %d 1.0 %s" % (
        JAR, dt, steps, ",".join(str(s) for s in spikes))
    out = subprocess.run(["bash", "-c", cmd], check=True, capture_output=True, text=True).stdout
    lines = out.strip().splitlines()
    names = lines[0].split(",")[1:]
    data = np.array([[float(v) for v in line.split(",")[1:]] for line in lines[1:]])
    return {name: data[:, k] for k, name in enumerate(names)}


def brian2_traces(dt_ms, steps, spikes):
    import brian2 as b2
    from brian2 import ms
    b2.prefs.codegen.target = "numpy"
    b2.defaultclock.dt = dt_ms * ms
    duration = steps * dt_ms * ms
    times = np.array(spikes) * dt_ms * ms

    def post_model(name, eqs, on_pre, var, method, namespace, init=None, regular=None):
        b2.start_scope()
        b2.defaultclock.dt = dt_ms * ms
        src = b2.SpikeGeneratorGroup(1, np.zeros(len(spikes), dtype=int), times)
        grp = b2.NeuronGroup(1, eqs, method=method, namespace=namespace)
        for key, value in (init or {}).items():
            setattr(grp, key, value)
        if regular:
            grp.run_regularly(regular, when="before_groups")
        syn = b2.Synapses(src, grp, on_pre=on_pre, namespace=namespace)
        syn.connect(i=0, j=0)
        mon = b2.StateMonitor(grp, var, record=0)
        b2.run(duration)
        return np.asarray(getattr(mon, var)[0])

    def pre_model(eqs, on_pre, namespace, init):
        b2.start_scope()
        b2.defaultclock.dt = dt_ms * ms
        src = b2.SpikeGeneratorGroup(1, np.zeros(len(spikes), dtype=int), times)
        grp = b2.NeuronGroup(1, "")
        syn = b2.Synapses(src, grp, model=eqs, on_pre=on_pre, method="exact", namespace=namespace)
        syn.connect(i=0, j=0)
        for key, value in init.items():
            setattr(syn, key, value)
        mon = b2.StateMonitor(syn, "eff", record=0, when="end")
        b2.run(duration)
        return np.asarray(mon.eff[0])

    taud, taur = 10.0, 1.0
    peak = taud / (taud - taur) * (taur / taud) ** (taur / (taur - taud))
    pulse = "on = int(t - t_arr > 0.5*dt) * int(t - t_arr < tdur + 0.5*dt)"
    kinetic = """dg/dt = (alpha*T*on*(1 - g) - beta*g)/ms : 1
                 on : 1
                 t_arr : second"""
    traces = {
        "Expon": post_model("Expon", "dg/dt = -g/(8*ms) : 1", "g_post += 1", "g", "exact", {}),
        "DualExpon": post_model("DualExpon", """drise/dt = -rise/(1*ms) : 1
                                                 ddecay/dt = -decay/(10*ms) : 1
                                                 g = A*(decay - rise) : 1""",
                                "rise_post += 1; decay_post += 1", "g", "exact", {"A": peak}),
        "Alpha": post_model("Alpha", """dh/dt = -h/(8*ms) : 1
                                        dg/dt = (h - g)/(8*ms) : 1""", "h_post += 1", "g", "exact", {}),
        "Delta": post_model("Delta", "v : 1", "v_post += 1", "v", "exact", {}),
        "ExpCurrent": post_model("ExpCurrent", "dg/dt = -g/(8*ms) : 1", "g_post += 1/8.", "g", "exact", {}),
        "AMPA": post_model("AMPA", kinetic, "t_arr_post = t", "g", "exponential_euler",
                           {"alpha": 0.98, "beta": 0.18, "T": 0.5, "tdur": 0.5 * ms},
                           init={"t_arr": -1e9 * ms}, regular=pulse),
        "GABAa": post_model("GABAa", kinetic, "t_arr_post = t", "g", "exponential_euler",
                            {"alpha": 0.53, "beta": 0.18, "T": 1.0, "tdur": 1.0 * ms},
                            init={"t_arr": -1e9 * ms}, regular=pulse),
        "NMDA": post_model("NMDA", """dx/dt = -x/(2*ms) : 1
                                      dg/dt = -g/(100*ms) + 0.5/ms*x*(1 - g) : 1""",
                           "x_post += 1", "g", "rk4", {}),
        "STP": pre_model("""du/dt = -u/tauf : 1 (clock-driven)
                            dx/dt = (1 - x)/taud : 1 (clock-driven)
                            eff : 1""",
                         """ub = u*exp(dt/tauf)
                            xb = 1 - (1 - x)*exp(dt/taud)
                            u = u + U*(1 - ub)
                            x = x - u*xb
                            eff = u*x""",
                         {"U": 0.15, "tauf": 1500 * ms, "taud": 200 * ms}, {"u": 0.15, "x": 1.0}),
        "STD": pre_model("""dx/dt = (1 - x)/tau : 1 (clock-driven)
                            eff : 1""",
                         """xb = 1 - (1 - x)*exp(dt/tau)
                            x = x - U*xb
                            eff = x""",
                         {"U": 0.07, "tau": 200 * ms}, {"x": 1.0}),
    }
    return traces


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--dt", type=float, default=0.1, help="time step in ms (default 0.1)")
    parser.add_argument("--duration", type=float, default=400.0, help="duration in ms (default 400)")
    args = parser.parse_args()
    steps = int(round(args.duration / args.dt))
    spikes = [int(round(s * 0.1 / args.dt)) for s in SPIKES]
    try:
        import brian2  # noqa: F401
    except ImportError:
        print("validate-synapses-brian2: Brian2 is not installed for %s (see brian2-run.sh)" % sys.executable,
              file=sys.stderr)
        return 2
    mine = myelin_traces(args.dt, steps, spikes)
    theirs = brian2_traces(args.dt, steps, spikes)
    print("dt = %g ms, %d steps, spikes at steps %s" % (args.dt, steps, spikes))
    print("%-11s %14s %14s %14s" % ("model", "max |Myelin|", "max |diff|", "max diff/peak"))
    worst = 0.0
    for name in mine:
        if name not in theirs:
            print("%-11s %14s" % (name, "no Brian2 twin"))
            continue
        a, b = mine[name], theirs[name][: len(mine[name])]
        peak = np.max(np.abs(a))
        diff = np.max(np.abs(a - b))
        worst = max(worst, diff / peak if peak > 0 else diff)
        print("%-11s %14.6g %14.3g %14.3g" % (name, peak, diff, diff / peak if peak > 0 else diff))
    print("largest relative difference: %.3g" % worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
