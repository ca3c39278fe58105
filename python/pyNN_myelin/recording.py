"""Recording through Myelin's spike and state monitors."""

import numpy as np
from pyNN import recording

from . import simulator


class Recorder(recording.Recorder):
    _simulator = simulator

    def __init__(self, population, file=None):
        recording.Recorder.__init__(self, population, file)
        self._monitors = {}

    def _record(self, variable, new_ids, sampling_interval=None):
        simulator.state.changed("recording")
        if sampling_interval is not None:
            self.sampling_interval = sampling_interval

    def _build(self, network):
        self._monitors = {}
        population = self.population
        for variable, ids in self.recorded.items():
            if not ids:
                continue
            if variable == "spikes":
                self._monitors[variable] = network.monitorSpikes(population.java_group)
            else:
                name, factor = population.myelin_state_name(variable)
                indices = np.sort(np.fromiter(ids, dtype=int)) - population.first_id
                every = max(1, int(round(self.sampling_interval / simulator.state.dt)))
                from ._jvm import ints
                monitor = network.monitorState(population.java_group, name, ints(indices), every)
                self._monitors[variable] = (monitor, indices, name, factor, every)

    def _spike_arrays(self):
        monitor = self._monitors.get("spikes")
        if monitor is None:
            return np.zeros(0, int), np.zeros(0)
        steps = np.array(monitor.steps(), dtype=np.int64)
        neurons = np.array(monitor.neurons(), dtype=np.int64)
        return neurons + self.population.first_id, steps * simulator.state.dt

    def _get_spiketimes(self, requested_ids, clear=False):
        ids, times = self._spike_arrays()
        mask = np.isin(ids, np.asarray(requested_ids, dtype=int))
        if clear and "spikes" in self._monitors:
            self._monitors["spikes"].clear()
        return ids[mask], times[mask]

    def _get_all_signals(self, variable, ids, clear=False):
        entry = self._monitors.get(variable)
        if entry is None:
            return np.zeros((0, len(ids))), None
        monitor, indices, name, factor, every = entry
        wanted = np.asarray(ids, dtype=int) - self.population.first_id
        columns = np.searchsorted(indices, wanted)
        traces = [np.array(monitor.trace(int(c)), dtype=float) for c in columns]
        values = np.column_stack(traces) if traces else np.zeros((0, 0))
        simulation = simulator.state.simulation
        if simulation is not None and simulation.step() % every == 0:
            # the state at the end of the run, as PyNN's other backends give it
            live = np.array(self.population.java_group.state(name), dtype=float)[wanted]
            values = np.vstack([values, live[np.newaxis, :]])
        if clear:
            monitor.clear()
        return values * factor, None

    def _local_count(self, variable, filter_ids=None):
        ids, times = self._spike_arrays()
        counts = {}
        for id in self.filter_recorded(variable, filter_ids):
            counts[int(id)] = 0
        if ids.size:
            values, n = np.unique(ids, return_counts=True)
            for id, c in zip(values, n):
                if int(id) in counts:
                    counts[int(id)] = int(c)
        return counts

    def _clear_simulator(self):
        for entry in self._monitors.values():
            (entry[0] if isinstance(entry, tuple) else entry).clear()

    def _reset(self):
        self._monitors = {}
