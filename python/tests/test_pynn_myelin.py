"""
pyNN.myelin against pyNN.brian2 on small networks, against closed forms, and its error paths.

Run: python/run-tests (or PYTHONPATH=python /usr/bin/python3 -m unittest discover -s python/tests).
Brian2 runs with its numpy code generation (no compiler needed); its first runs spend a few
seconds per model choosing the integration method.
"""

import math
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)
sys.path.insert(0, PYTHON_DIR)

import pyNN_myelin as myelin  # noqa: E402

from brian2_backend import needs_brian2, pynn_brian2  # noqa: E402

INPUT_TIMES = [[5.0, 10.0, 15.0, 31.0], [7.0, 30.0], [20.0, 21.0, 40.0]]


def _spikes(segment):
    return [np.asarray(st.times.rescale("ms")) for st in segment.spiketrains]


def _signal(segment, name):
    return np.asarray(segment.filter(name=name)[0])


def array_to_lif(sim, celltype, weight, delays):
    """Three spike sources onto two LIF cells, all to all; spikes and v of the cells."""
    sim.setup(timestep=0.1)
    src = sim.Population(3, sim.SpikeSourceArray(spike_times=INPUT_TIMES))
    cells = sim.Population(2, celltype)
    sim.Projection(src, cells, sim.AllToAllConnector(), sim.StaticSynapse(weight=weight, delay=delays))
    cells.record(["spikes", "v"])
    sim.run(60.0)
    segment = cells.get_data().segments[0]
    sim.end()
    return _spikes(segment), _signal(segment, "v")


def dc_driven(sim, celltype, amplitude, tstop=500.0):
    """One cell of `celltype` under a DC step from 50 ms; its spike times and v."""
    sim.setup(timestep=0.1)
    cell = sim.Population(1, celltype)
    sim.DCSource(amplitude=amplitude, start=50.0, stop=tstop).inject_into(cell)
    cell.record(["spikes", "v"])
    sim.run(tstop)
    segment = cell.get_data().segments[0]
    sim.end()
    return _spikes(segment)[0], _signal(segment, "v")


@needs_brian2
class AgainstBrian2(unittest.TestCase):

    def test_spike_source_array_into_if_curr_exp_gives_the_same_spikes_and_v(self):
        # current-based LIF with exponential synapses is linear: both integrate it exactly
        celltype = dict(tau_m=10.0, tau_syn_E=2.0, v_thresh=-55.0)
        mine = array_to_lif(myelin, myelin.IF_curr_exp(**celltype), 5.0, 1.0)
        theirs = array_to_lif(pynn_brian2, pynn_brian2.IF_curr_exp(**celltype), 5.0, 1.0)
        self.assertGreater(sum(len(s) for s in mine[0]), 0)
        for a, b in zip(mine[0], theirs[0]):
            np.testing.assert_allclose(a, b, atol=1e-9)
        self.assertEqual(mine[1].shape, theirs[1].shape)
        np.testing.assert_allclose(mine[1], theirs[1], atol=1e-8)

    def test_alpha_and_conductance_synapses_fire_within_the_step_lag_of_brian2(self):
        # Myelin holds alpha and conductance inputs over a step (first order), Brian2 integrates
        # IF_curr_alpha exactly and the conductance models with Euler: same spikes within dt or so
        celltype = dict(tau_m=10.0, tau_syn_E=2.0, v_thresh=-55.0)
        # (max, mean) |difference| [ms]: the alpha lag is one step, two after many resets
        for name, weight, lag, mean_lag in (("IF_curr_alpha", 5.0, 0.2, 0.1), ("IF_cond_exp", 0.08, 0.35, 0.2)):
            mine = array_to_lif(myelin, getattr(myelin, name)(**celltype), weight, 1.0)[0]
            theirs = array_to_lif(pynn_brian2, getattr(pynn_brian2, name)(**celltype), weight, 1.0)[0]
            for a, b in zip(mine, theirs):
                self.assertGreater(len(b), 3, name)
                self.assertEqual(len(a), len(b), name)
                self.assertLessEqual(np.max(np.abs(a - b)), lag + 1e-9, name)
                self.assertLessEqual(np.mean(np.abs(a - b)), mean_lag + 1e-9, name)

    def test_random_delays_from_a_list_match_brian2(self):
        conns = [(0, 0, 1.2, 0.5), (1, 0, 1.4, 2.3), (2, 1, 2.0, 1.1), (0, 1, 0.9, 4.0), (2, 0, 1.3, 0.1)]

        def run(sim):
            sim.setup(timestep=0.1)
            src = sim.Population(3, sim.SpikeSourceArray(spike_times=INPUT_TIMES))
            cells = sim.Population(2, sim.IF_curr_exp(tau_m=10.0, v_thresh=-60.0))
            sim.Projection(src, cells, sim.FromListConnector(conns, column_names=["weight", "delay"]),
                           sim.StaticSynapse())
            cells.record(["spikes", "v"])
            sim.run(60.0)
            segment = cells.get_data().segments[0]
            return _spikes(segment), _signal(segment, "v")

        mine, theirs = run(myelin), run(pynn_brian2)
        self.assertGreater(sum(len(s) for s in mine[0]), 1)
        for a, b in zip(mine[0], theirs[0]):
            np.testing.assert_allclose(a, b, atol=1e-9)
        np.testing.assert_allclose(mine[1], theirs[1], atol=1e-8)

    def test_izhikevich_under_a_current_step_fires_like_brian2(self):
        mine, _ = dc_driven(myelin, myelin.Izhikevich(), 0.01)
        theirs, _ = dc_driven(pynn_brian2, pynn_brian2.Izhikevich(), 0.01)
        # Myelin integrates with exponential Euler, Brian2 here with Euler: same regime, close counts
        self.assertGreater(len(theirs), 5)
        self.assertLessEqual(abs(len(mine) - len(theirs)), max(1, len(theirs) // 10))
        self.assertAlmostEqual(mine[0], theirs[0], delta=1.0)

    def test_adex_under_a_current_step_adapts_like_brian2(self):
        mine, _ = dc_driven(myelin, myelin.EIF_cond_exp_isfa_ista(), 1.0)
        theirs, _ = dc_driven(pynn_brian2, pynn_brian2.EIF_cond_exp_isfa_ista(), 1.0)
        self.assertGreater(len(theirs), 5)
        self.assertLessEqual(abs(len(mine) - len(theirs)), max(1, len(theirs) // 10))
        # adaptation: the intervals grow in both
        self.assertGreater(np.diff(mine)[-1], np.diff(mine)[0])
        self.assertAlmostEqual(mine[0], theirs[0], delta=1.0)

    def test_poisson_driven_cond_exp_population_rates_agree_within_seed_spread(self):
        def run(sim, seed):
            sim.setup(timestep=0.1, rng_seed=seed)
            rng = myelin.NumpyRNG(seed=seed)
            src = sim.Population(200, sim.SpikeSourcePoisson(rate=20.0))
            cells = sim.Population(100, sim.IF_cond_exp())
            sim.Projection(src, cells, sim.FixedProbabilityConnector(0.1, rng=rng),
                           sim.StaticSynapse(weight=0.01, delay=0.5))
            cells.record("spikes")
            sim.run(1000.0)
            return cells.mean_spike_count()

        mine = [run(myelin, s) for s in (1, 2, 3)]
        theirs = [run(pynn_brian2, s) for s in (1, 2)]
        spread = max(np.std(mine), 0.05 * np.mean(mine))
        self.assertGreater(np.mean(theirs), 1.0)
        self.assertLess(abs(np.mean(mine) - np.mean(theirs)), 4 * spread + 0.1 * np.mean(theirs))


class ClosedForms(unittest.TestCase):

    def test_tsodyks_markram_depression_follows_the_recursion_of_nest_and_pynn(self):
        # conductance jumps of a regular 20 Hz train: w.U.x_k with x_{k+1} = 1 - (1 - x_k (1 - U)) e^{-T/tau}
        big_u, tau_rec, period, w = 0.5, 200.0, 50.0, 0.01
        myelin.setup(timestep=0.1)
        times = np.arange(10.0, 500.0, period)
        src = myelin.Population(1, myelin.SpikeSourceArray(spike_times=[times]))
        cell = myelin.Population(1, myelin.IF_cond_exp(tau_syn_E=1e6, v_thresh=100.0))
        myelin.Projection(src, cell, myelin.OneToOneConnector(),
                          myelin.TsodyksMarkramSynapse(weight=w, delay=0.1, U=big_u, tau_rec=tau_rec))
        cell.record("gsyn_exc")
        myelin.run(520.0)
        g = _signal(cell.get_data().segments[0], "gsyn_exc")[:, 0]
        jumps = np.diff(g)[np.diff(g) > 1e-9]
        x, expected = 1.0, []
        for _ in times:
            expected.append(w * big_u * x)
            x = 1 - (1 - x * (1 - big_u)) * math.exp(-period / tau_rec)
        self.assertEqual(len(jumps), len(times))
        # Myelin depletes with the step-start x: an O(dt/tau_rec) difference
        np.testing.assert_allclose(jumps, expected, rtol=2e-3)

    def test_tsodyks_markram_facilitation_follows_the_recursion_of_nest_and_pynn(self):
        # u_k = U + u_{k-1} (1 - U) e^{-T/tau_facil}, jump w.u_k.x_k, x_{k+1} = 1 - (1 - x_k (1 - u_k)) e^{-T/tau_rec}
        big_u, tau_rec, tau_facil, period, w = 0.2, 100.0, 300.0, 25.0, 0.01
        myelin.setup(timestep=0.1)
        times = np.arange(10.0, 400.0, period)
        src = myelin.Population(1, myelin.SpikeSourceArray(spike_times=[times]))
        cell = myelin.Population(1, myelin.IF_cond_exp(tau_syn_E=1e6, v_thresh=100.0))
        myelin.Projection(src, cell, myelin.OneToOneConnector(),
                          myelin.TsodyksMarkramSynapse(weight=w, delay=0.1, U=big_u, tau_rec=tau_rec,
                                                       tau_facil=tau_facil))
        cell.record("gsyn_exc")
        myelin.run(420.0)
        g = _signal(cell.get_data().segments[0], "gsyn_exc")[:, 0]
        jumps = np.diff(g)[np.diff(g) > 1e-9]
        u, x, expected = 0.0, 1.0, []
        for _ in times:
            u = big_u + u * (1 - big_u) * math.exp(-period / tau_facil)
            expected.append(w * u * x)
            x = 1 - (1 - x * (1 - u)) * math.exp(-period / tau_rec)
        self.assertEqual(len(jumps), len(times))
        # exact event updates; the jumps are differences of a conductance Myelin sums in float
        np.testing.assert_allclose(jumps, expected, rtol=1e-5)

    def test_additive_stdp_changes_the_weight_by_the_sum_over_all_pairs(self):
        myelin.setup(timestep=0.1)
        pre = myelin.Population(1, myelin.SpikeSourceArray(spike_times=[[10.0, 60.0]]))
        kick = myelin.Population(1, myelin.SpikeSourceArray(spike_times=[[14.0, 50.0]]))
        post = myelin.Population(1, myelin.IF_curr_exp(tau_refrac=2.0))
        myelin.Projection(kick, post, myelin.OneToOneConnector(), myelin.StaticSynapse(weight=20.0, delay=0.1))
        rule = myelin.SpikePairRule(tau_plus=20.0, tau_minus=15.0, A_plus=0.01, A_minus=0.012)
        stdp = myelin.STDPMechanism(timing_dependence=rule, weight=0.5, delay=1.0, dendritic_delay_fraction=0.0,
                                    weight_dependence=myelin.AdditiveWeightDependence(w_min=0.0, w_max=2.0))
        prj = myelin.Projection(pre, post, myelin.OneToOneConnector(), stdp, receptor_type="excitatory")
        post.record("spikes")
        myelin.run(100.0)
        post_times = np.asarray(post.get_data().segments[0].spiketrains[0].times)
        self.assertGreater(len(post_times), 2)
        expected = 0.5
        for arrival in (11.0, 61.0):  # the whole delay is axonal
            for t in post_times:
                lag = t - arrival
                expected += 2.0 * (0.01 * math.exp(-lag / 20.0) if lag >= 0 else -0.012 * math.exp(lag / 15.0))
        # Myelin keeps plastic weights as float
        self.assertAlmostEqual(prj.get("weight", format="list")[0][2], expected, delta=1e-6)

    def test_fixed_number_pre_gives_every_cell_exactly_n_inputs(self):
        myelin.setup()
        a = myelin.Population(50, myelin.SpikeSourcePoisson(rate=5.0))
        b = myelin.Population(30, myelin.IF_cond_exp())
        prj = myelin.Projection(a, b, myelin.FixedNumberPreConnector(7), myelin.StaticSynapse(weight=0.002))
        self.assertEqual(len(prj), 7 * 30)
        post = np.array(prj.get("weight", format="list"))[:, 1].astype(int)
        np.testing.assert_array_equal(np.bincount(post, minlength=30), np.full(30, 7))
        np.testing.assert_allclose(np.array(prj.get("weight", format="list"))[:, 2], 0.002)

    def test_fixed_probability_count_is_within_four_sigma(self):
        myelin.setup()
        a = myelin.Population(400, myelin.IF_cond_exp())
        prj = myelin.Projection(a, a, myelin.FixedProbabilityConnector(0.05), myelin.StaticSynapse(weight=0.001))
        mean = 0.05 * 400 * 399
        self.assertLess(abs(len(prj) - mean), 4 * math.sqrt(mean * 0.95))

    def test_uniform_weights_and_delays_are_drawn_in_myelin_within_their_bounds(self):
        myelin.setup(timestep=0.1)
        a = myelin.Population(40, myelin.IF_cond_exp())
        w = myelin.RandomDistribution("uniform", low=0.001, high=0.003)
        d = myelin.RandomDistribution("uniform", low=0.5, high=2.0)
        prj = myelin.Projection(a, a, myelin.AllToAllConnector(), myelin.StaticSynapse(weight=w, delay=d))
        weights = prj.get("weight", format="array")
        delays = np.array(prj.get("delay", format="list"))[:, 2]
        self.assertEqual(len(prj), 40 * 40)
        self.assertTrue(np.all((weights >= 0.001) & (weights <= 0.003)))
        self.assertAlmostEqual(float(np.mean(weights)), 0.002, delta=0.0001)
        self.assertTrue(np.all((delays >= 0.5 - 0.05) & (delays <= 2.0 + 0.05)))
        self.assertAlmostEqual(float(np.mean(delays)), 1.25, delta=0.05)

    def test_lif_subthreshold_response_to_dc_is_the_rc_closed_form(self):
        myelin.setup(timestep=0.1)
        cell = myelin.Population(1, myelin.IF_curr_exp(tau_m=20.0, cm=0.5, v_thresh=0.0))
        myelin.DCSource(amplitude=0.1, start=0.0, stop=1000.0).inject_into(cell)
        cell.record("v")
        myelin.run(100.0)
        v = _signal(cell.get_data().segments[0], "v")[:, 0]
        t = np.arange(v.size) * 0.1
        # R = tau_m/cm = 40 MOhm: v -> -65 + 4 mV; the current of step n acts from t = n dt
        np.testing.assert_allclose(v, -65.0 + 4.0 * (1 - np.exp(-t / 20.0)), atol=1e-9)

    def test_hh_cond_exp_starts_from_pynns_gates_and_takes_the_euler_steps_of_its_equations(self):
        dt, p = 0.01, dict(myelin.HH_cond_exp.default_parameters)
        myelin.setup(timestep=dt, integrator="euler")
        cell = myelin.Population(1, myelin.HH_cond_exp())
        cell.record("v")
        myelin.run(0.03)
        v = _signal(cell.get_data().segments[0], "v")[:, 0]
        # m = 0, h = 1, n = 0: no sodium or potassium current and v at e_rev_leak, so the first step
        # leaves v; the second feels the gates opened by one step of their rates at u = v - v_offset
        u = -65.0 - p["v_offset"]
        m = dt * 0.32 * (13 - u) / (math.exp((13 - u) / 4) - 1)
        h = 1 - dt * 4 / (1 + math.exp((40 - u) / 5))
        n = dt * 0.032 * (15 - u) / (math.exp((15 - u) / 5) - 1)
        dv = (-p["gbar_Na"] * m ** 3 * h * (-65.0 - p["e_rev_Na"]) - p["gbar_K"] * n ** 4 * (-65.0 - p["e_rev_K"])) / p["cm"]
        np.testing.assert_allclose(v[:3], [-65.0, -65.0, -65.0 + dt * dv], rtol=0, atol=1e-12)
        self.assertGreater(dt * dv, 1e-8)


class Api(unittest.TestCase):

    def test_reset_runs_the_same_network_again_into_a_new_segment(self):
        myelin.setup(timestep=0.1)
        src = myelin.Population(20, myelin.SpikeSourcePoisson(rate=50.0))
        cells = myelin.Population(10, myelin.IF_cond_exp())
        myelin.Projection(src, cells, myelin.AllToAllConnector(), myelin.StaticSynapse(weight=0.01))
        cells.record("spikes")
        myelin.run(200.0)
        myelin.reset()
        myelin.run(200.0)
        block = cells.get_data()
        self.assertEqual(len(block.segments), 2)
        first, second = (_spikes(s) for s in block.segments)
        self.assertGreater(sum(len(s) for s in first), 0)
        for a, b in zip(first, second):
            np.testing.assert_array_equal(a, b)

    def test_two_runs_continue_where_the_first_stopped(self):
        def spikes(chunks):
            myelin.setup(timestep=0.1)
            cells = myelin.Population(3, myelin.IF_cond_exp(i_offset=[0.5, 0.7, 0.9]))
            cells.record(["spikes", "v"])
            for chunk in chunks:
                myelin.run(chunk)
            segment = cells.get_data().segments[0]
            return _spikes(segment), _signal(segment, "v")

        (one, v_one), (two, v_two) = spikes([300.0]), spikes([100.0, 200.0])
        for a, b in zip(one, two):
            np.testing.assert_array_equal(a, b)
        np.testing.assert_array_equal(v_one, v_two)

    def test_get_set_initialize_and_views(self):
        myelin.setup()
        p = myelin.Population(4, myelin.IF_cond_exp())
        p[1:3].set(tau_m=[11.0, 12.0])
        np.testing.assert_allclose(p.get("tau_m"), [20.0, 11.0, 12.0, 20.0])
        p.initialize(v=[-70.0, -60.0, -55.0, -65.0])
        p[0:1].initialize(v=-52.0)
        p.record("v")
        myelin.run(1.0)
        v = _signal(p.get_data().segments[0], "v")
        np.testing.assert_allclose(v[0], [-52.0, -60.0, -55.0, -65.0])

    def test_assembly_and_view_projection_goes_to_the_right_cells(self):
        myelin.setup(timestep=0.1)
        src = myelin.Population(2, myelin.SpikeSourceArray(spike_times=[[5.0], [8.0]]))
        a = myelin.Population(3, myelin.IF_curr_exp(v_thresh=-64.0, tau_refrac=50.0))
        b = myelin.Population(2, myelin.IF_curr_exp(v_thresh=-64.0, tau_refrac=50.0))
        prj = myelin.Projection(src[1:2], a[0:1] + b, myelin.AllToAllConnector(),
                                myelin.StaticSynapse(weight=5.0, delay=1.0), receptor_type="excitatory")
        (a + b).record("spikes")
        myelin.run(30.0)
        self.assertEqual(len(prj), 3)
        counts = [len(s) for s in _spikes(a.get_data().segments[0])] + \
                 [len(s) for s in _spikes(b.get_data().segments[0])]
        self.assertEqual(counts, [1, 0, 0, 1, 1])

    def test_from_file_and_array_connectors(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "conns.txt")
            with open(path, "w") as f:
                f.write("# columns = [\"i\", \"j\", \"weight\", \"delay\"]\n0 1 0.5 1.5\n1 0 0.25 2.0\n")
            myelin.setup(timestep=0.1)
            p = myelin.Population(2, myelin.IF_curr_exp())
            from_file = myelin.Projection(p, p, myelin.FromFileConnector(path), myelin.StaticSynapse(),
                                          receptor_type="excitatory")
            self.assertEqual(sorted(from_file.get(["weight", "delay"], format="list")),
                             [(0, 1, 0.5, 1.5), (1, 0, 0.25, 2.0)])
        array = myelin.Projection(p, p, myelin.ArrayConnector(np.array([[0, 1], [1, 1]], dtype=bool)),
                                  myelin.StaticSynapse(weight=0.3, delay=0.4), receptor_type="excitatory")
        self.assertEqual(len(array), 3)
        np.testing.assert_allclose(array.get("weight", format="array"), [[np.nan, 0.3], [0.3, 0.3]])

    def test_current_sources_step_and_ac(self):
        myelin.setup(timestep=0.1)
        cells = myelin.Population(1, myelin.IF_curr_exp(v_thresh=0.0, tau_m=10.0))
        myelin.StepCurrentSource(times=[10.0, 20.0], amplitudes=[0.5, -0.2]).inject_into(cells)
        cells.record("v")
        myelin.run(40.0)
        v = _signal(cells.get_data().segments[0], "v")[:, 0]
        self.assertAlmostEqual(v[100], -65.0, places=9)
        r = 10.0  # tau_m/cm = 10 MOhm
        self.assertAlmostEqual(v[200], -65.0 + 0.5 * r * (1 - math.exp(-1.0)), places=6)
        self.assertLess(v[400], -65.0)

    def test_current_into_part_of_a_population_drives_those_cells_only(self):
        myelin.setup(timestep=0.1)
        cells = myelin.Population(4, myelin.IF_curr_exp(tau_m=20.0, cm=0.5, v_thresh=0.0))
        myelin.DCSource(amplitude=0.1, start=10.0, stop=60.0).inject_into(cells[1:3])
        myelin.ACSource(amplitude=0.05, frequency=50.0, start=0.0, stop=80.0).inject_into(cells[[3]])
        cells.record("v")
        myelin.run(100.0)
        v = _signal(cells.get_data().segments[0], "v")
        t = np.arange(v.shape[0]) * 0.1
        np.testing.assert_allclose(v[:, 0], -65.0, atol=1e-12)
        on = (t >= 10.0) & (t <= 60.0)
        expected = -65.0 + 4.0 * (1 - np.exp(-(t[on] - 10.0) / 20.0))
        np.testing.assert_allclose(v[on, 1], expected, atol=1e-9)
        np.testing.assert_array_equal(v[:, 1], v[:, 2])
        self.assertGreater(np.ptp(v[:800, 3]), 0.1)

    def test_write_data_writes_a_neo_file(self):
        myelin.setup()
        cells = myelin.Population(2, myelin.IF_cond_exp(i_offset=1.0))
        cells.record(["spikes", "v"])
        myelin.run(50.0)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "out.pkl")
            cells.write_data(path)
            import neo
            block = neo.io.PickleIO(path).read_block()
        self.assertEqual(len(block.segments[0].spiketrains), 2)
        self.assertEqual(str(block.segments[0].filter(name="v")[0].units.dimensionality), "mV")

    def test_pyNN_myelin_alias(self):
        import pyNN.myelin
        self.assertIs(pyNN.myelin, myelin)

    def test_import_pyNN_myelin_first_through_the_launcher(self):
        launcher = os.path.join(os.path.dirname(PYTHON_DIR), "bin", "myelin-python")
        result = subprocess.run([launcher, "-c", "import pyNN.myelin as sim; print(sim.__name__, sim.simulator.name)"],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout.strip(), "pyNN_myelin Myelin")


class ErrorPaths(unittest.TestCase):

    def setUp(self):
        myelin.setup()

    def assertNotImplemented(self, fragment, call, *args, **kwargs):
        with self.assertRaises(NotImplementedError) as raised:
            call(*args, **kwargs)
        self.assertIn(fragment, str(raised.exception))

    def test_cell_types_without_a_myelin_model_are_refused(self):
        self.assertNotImplemented("IF_cond_exp_gsfa_grr", myelin.IF_cond_exp_gsfa_grr)

    def test_facilitation_with_u_out_of_range_gives_the_java_message_in_one_line(self):
        src = myelin.Population(1, myelin.SpikeSourceArray(spike_times=[[1.0]]))
        cell = myelin.Population(1, myelin.IF_cond_exp())
        myelin.Projection(src, cell, myelin.AllToAllConnector(),
                          myelin.TsodyksMarkramSynapse(weight=0.01, U=1.5, tau_facil=100.0))
        with self.assertRaises(ValueError) as raised:
            myelin.run(1.0)
        self.assertEqual("STP: U must be in (0, 1], got U=1.5", str(raised.exception))

    def test_negative_tau_facil_is_refused(self):
        a = myelin.Population(2, myelin.IF_cond_exp())
        with self.assertRaises(ValueError) as raised:
            myelin.Projection(a, a, myelin.AllToAllConnector(),
                              myelin.TsodyksMarkramSynapse(weight=0.01, tau_facil=-1.0))
        self.assertEqual("TsodyksMarkramSynapse: tau_facil must be >= 0 ms, got -1", str(raised.exception))

    def test_per_neuron_synaptic_time_constants_are_refused(self):
        myelin.Population(2, myelin.IF_cond_exp(tau_syn_E=[5.0, 6.0]))
        self.assertNotImplemented("tau_syn_E", myelin.run, 1.0)

    def test_ac_phase_is_refused(self):
        p = myelin.Population(1, myelin.IF_cond_exp())
        myelin.ACSource(amplitude=0.1, phase=90.0).inject_into(p)
        self.assertNotImplemented("phase", myelin.run, 1.0)

    def test_synapse_models_without_a_myelin_counterpart_are_refused(self):
        self.assertNotImplemented("Vogels2011Rule", myelin.Vogels2011Rule)
        self.assertNotImplemented("GutigWeightDependence", myelin.GutigWeightDependence)

    def test_stdp_between_views_is_refused(self):
        p = myelin.Population(4, myelin.IF_cond_exp())
        stdp = myelin.STDPMechanism(timing_dependence=myelin.SpikePairRule(),
                                    weight_dependence=myelin.AdditiveWeightDependence(), weight=0.001)
        self.assertNotImplemented("views", myelin.Projection, p[0:2], p[2:4], myelin.AllToAllConnector(), stdp)

    def test_projection_set_is_refused(self):
        p = myelin.Population(2, myelin.IF_cond_exp())
        prj = myelin.Projection(p, p, myelin.AllToAllConnector(), myelin.StaticSynapse(weight=0.01))
        self.assertNotImplemented("Projection.set", prj.set, weight=0.02)

    def test_changes_after_run_are_refused(self):
        p = myelin.Population(2, myelin.IF_cond_exp())
        myelin.run(1.0)
        self.assertNotImplemented("after run()", p.set, tau_m=10.0)
        self.assertNotImplemented("after run()", myelin.Population, 2, myelin.IF_cond_exp())

    def test_bad_parameter_gives_the_java_message_in_one_line(self):
        myelin.Population(1, myelin.IF_cond_exp(v_reset=-40.0, v_thresh=-50.0))
        with self.assertRaises(ValueError) as raised:
            myelin.run(1.0)
        self.assertIn("vReset", str(raised.exception))
        self.assertNotIn("\n", str(raised.exception))

    def _script(self, env):
        code = "import pyNN_myelin as sim; sim.setup()"
        full = dict(os.environ, PYTHONPATH=PYTHON_DIR, **env)
        return subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True)

    def test_missing_jar_is_one_line_naming_the_build_command(self):
        result = self._script({"MYELIN_JAR": "/nonexistent/myelin.jar"})
        self.assertNotEqual(result.returncode, 0)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("mvn -B -q -ntp -o -pl myelin-cli -am package", lines[0])

    def test_missing_jdk_is_one_line_naming_what_to_install(self):
        with tempfile.TemporaryDirectory() as empty:
            result = self._script({"MYELIN_JVM_DIR": empty, "JAVA_HOME": empty})
        self.assertNotEqual(result.returncode, 0)
        lines = result.stderr.strip().splitlines()
        self.assertEqual(len(lines), 1, result.stderr)
        self.assertIn("no JDK 25", lines[0])


if __name__ == "__main__":
    unittest.main()
