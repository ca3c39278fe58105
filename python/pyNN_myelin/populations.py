"""Populations on Myelin neuron groups, Poisson groups and spike generator groups."""

import numpy as np
from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify

from . import simulator
from ._jvm import J, doubles, ints, scalar_map, array_map, start
from .recording import Recorder


def _uniform(name, values, owner):
    values = np.asarray(values, dtype=float)
    if values.size and not np.all(values == values.flat[0]):
        raise NotImplementedError("%s: %s must be the same for every neuron of a population on Myelin" % (owner, name))
    return float(values.flat[0])


class Assembly(common.Assembly):
    _simulator = simulator


class PopulationView(common.PopulationView):
    _assembly_class = Assembly
    _simulator = simulator

    def _get_parameters(self, *names):
        parameter_dict = {}
        for name in names:
            value = self.parent._parameters[name]
            if isinstance(value, np.ndarray):
                value = value[self.mask]
            parameter_dict[name] = simplify(value)
        return ParameterSpace(parameter_dict, shape=(self.size,))

    def _set_parameters(self, parameter_space):
        simulator.state.changed("setting parameters")
        for name, value in parameter_space.items():
            self.parent._parameters[name][self.mask] = value.evaluate(simplify=True)

    @property
    def initial_values(self):
        # a fresh dict: PyNN's initialize() stores into it, the values live in the parent
        return {name: values[self.mask] for name, values in self.parent._initial.items()}

    def _set_initial_value_array(self, variable, initial_values):
        self.parent._set_initial_values(variable, self.mask, initial_values.evaluate(simplify=False))

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)


class Population(common.Population):
    __doc__ = common.Population.__doc__
    _simulator = simulator
    _recorder_class = Recorder
    _assembly_class = Assembly

    def _create_cells(self):
        simulator.state.changed("creating a population")
        id_range = np.arange(simulator.state.id_counter, simulator.state.id_counter + self.size)
        self.all_cells = np.array([simulator.ID(id) for id in id_range], dtype=simulator.ID)
        self._mask_local = np.ones((self.size,), bool)
        parameter_space = self.celltype.native_parameters
        parameter_space.shape = (self.size,)
        parameter_space.evaluate(mask=self._mask_local, simplify=False)
        self._parameters = parameter_space.as_dict()
        self._initial = {}
        for id in self.all_cells:
            id.parent = self
        simulator.state.id_counter += self.size
        self._java_name = simulator.state.unique_name(self.label)
        self.java_group = None
        self.java_ports = {}
        simulator.state.populations.append(self)

    def _set_initial_value_array(self, variable, initial_values):
        self._set_initial_values(variable, slice(None), initial_values.evaluate(simplify=False))

    def _set_initial_values(self, variable, mask, values):
        if variable not in self.celltype.myelin_state:
            raise NotImplementedError("%s on Myelin: no initial value for '%s'; it has %s"
                                      % (self.celltype.__class__.__name__, variable,
                                         sorted(self.celltype.myelin_state)))
        array = self._initial.setdefault(variable, np.full(self.size, np.nan))
        array[mask] = values
        if simulator.state.simulation is not None and simulator.state.t == 0:
            self._apply_initial_values()

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)

    def _get_parameters(self, *names):
        parameter_dict = {}
        for name in names:
            parameter_dict[name] = simplify(self._parameters[name])
        return ParameterSpace(parameter_dict, shape=(self.local_size,))

    def _set_parameters(self, parameter_space):
        simulator.state.changed("setting parameters")
        parameter_space.evaluate(simplify=False, mask=self._mask_local)
        for name, value in parameter_space.items():
            self._parameters[name] = value

    # --- building the Java group -----------------------------------------------------------------

    def _build(self, network):
        kind = self.celltype.myelin_model
        owner = "%s '%s'" % (self.celltype.__class__.__name__, self.label)
        self.java_ports = {}
        if kind == "poisson":
            group = self._build_poisson(owner)
        elif kind == "array":
            group = self._build_array()
        else:
            group = self._build_neurons(owner)
        self.java_group = network.add(group)

    def _build_poisson(self, owner):
        p = self._parameters
        rate = _uniform("rate", p["rate"], owner)
        start_ms = _uniform("start", p["start"], owner)
        duration = _uniform("duration", p["duration"], owner)
        if start_ms <= 0 and start_ms + duration >= 1e9:
            return J.PoissonGroup(self._java_name, self.size, rate)
        jpype = start()

        @jpype.JImplements(J.PoissonRate)
        class Window:
            @jpype.JOverride
            def hz(self, time_ms):
                return rate if start_ms <= time_ms < start_ms + duration else 0.0

        self._rate_window = Window()  # kept alive while Java holds it
        return J.PoissonGroup(self._java_name, self.size, self._rate_window)

    def _build_array(self):
        dt = simulator.state.dt
        indices, times = [], []
        for i, seq in enumerate(self._parameters["spike_times"]):
            t = np.unique(np.round(np.asarray(seq.value, dtype=float) / dt)) * dt
            indices.append(np.full(t.size, i, dtype=np.int32))
            times.append(t)
        indices = np.concatenate(indices) if indices else np.zeros(0, np.int32)
        times = np.concatenate(times) if times else np.zeros(0)
        return J.SpikeGeneratorGroup(self._java_name, self.size, ints(indices), doubles(times))

    def _build_neurons(self, owner):
        p = {name: np.asarray(value, dtype=float) * np.ones(self.size) for name, value in self._parameters.items()}
        values = self.celltype.myelin_parameters(p)
        scalars, per_neuron = {}, {}
        for name, value in values.items():
            value = np.asarray(value, dtype=float) * np.ones(self.size)
            if np.all(value == value[0]):
                scalars[name] = value[0]
            else:
                per_neuron[name] = value
        model = J.NeuronModels.get(self.celltype.myelin_model)
        method = simulator.state.integrator
        integrator = J.Integrator.valueOf(method.upper()) if method else None
        group = model.create(self._java_name, self.size, scalar_map(scalars), array_map(per_neuron), integrator)
        for receptor_type, (label, kernel, tau_name, reversal_name) in self.celltype.myelin_receptors.items():
            if kernel == "delta":
                self.java_ports[receptor_type] = ("delta", label)
                continue
            tau = _uniform(tau_name, p[tau_name], owner)
            # the setup's integrator steps the synapses too, as Brian2 integrates them with the cell
            kinetics = J.Exponential if kernel == "exp" else J.Alpha
            synapse = kinetics(tau, integrator) if integrator is not None else kinetics(tau)
            output = J.Coba(_uniform(reversal_name, p[reversal_name], owner)) if reversal_name else J.Cuba()
            self.java_ports[receptor_type] = group.receptor(label, synapse, output)
        return group

    def java_port(self, receptor_type):
        """The input port of `receptor_type` on the built group."""
        port = self.java_ports[receptor_type]
        if isinstance(port, tuple):
            return J.Ports.delta(self.java_group, port[1])
        return port

    def myelin_state_name(self, variable):
        """The Myelin state variable of a PyNN one, and the factor to PyNN's unit."""
        name, factor = self.celltype.myelin_state[variable]
        names = [str(n) for n in self.java_group.stateVariables()] if self.java_group is not None else None
        if names is not None and name not in names and name.split(".")[0] == "inh":
            raise NotImplementedError(
                "recording %s of '%s': its inhibitory and excitatory synapses have the same kinetics and "
                "reversal, so Myelin merges them into one receptor" % (variable, self.label))
        return name, factor

    def _apply_initial_values(self):
        if self.java_group is None or not self._initial:
            return
        names = [str(n) for n in self.java_group.stateVariables()]
        for variable, values in self._initial.items():
            merged = self.celltype.myelin_state[variable][0] not in names
            if merged and np.all(np.nan_to_num(values) == 0):
                continue  # a merged receptor starts at 0 anyway
            name, factor = self.myelin_state_name(variable)
            state = self.java_group.state(name)
            mask = ~np.isnan(values)
            current = np.array(state, dtype=float)
            current[mask] = values[mask] / factor
            state[:] = current
