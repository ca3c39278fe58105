"""
Projections on Myelin's align-post projections.

Between two whole populations, AllToAll, OneToOne, FixedProbability, FixedNumberPre and
FixedNumberPost connectors become Myelin's own connection rules (AllToAll, OneToOne,
FixedProbability, FixedInDegree, FixedOutDegree), built in Java; scalar weights and delays become
the projection's, and RandomDistribution weights and delays (uniform, normal, normal_clipped,
lognormal) are drawn per synapse in Java. Other connectors, connectors between views or
assemblies, and weights or delays given as arrays or functions go through PyNN's connector code;
the resulting lists become ExplicitConnections (FromList, FromFile and Array connectors are read
in one piece, without a loop per target).
"""

import math

import numpy as np
from pyNN import common, connectors, random
from pyNN.core import is_listlike
from pyNN.space import Space

from . import simulator
from ._jvm import J, doubles, ints, start
from .standardmodels.synapses import STDPMechanism, TsodyksMarkramSynapse

_NATIVE = (connectors.AllToAllConnector, connectors.OneToOneConnector, connectors.FixedProbabilityConnector,
           connectors.FixedNumberPreConnector, connectors.FixedNumberPostConnector)


def _initializer(value, owner):
    """A Java Initializer drawing `value` (a RandomDistribution) per synapse, or None if it cannot."""
    if not isinstance(value, random.RandomDistribution):
        return None
    p = value.parameters
    name = value.name
    if name == "uniform":
        return J.Initializer.uniform(float(p["low"]), float(p["high"]))
    if name == "normal":
        return J.Initializer.normal(float(p["mu"]), float(p["sigma"]))
    if name == "normal_clipped":
        return J.Initializer.clipped(J.Initializer.normal(float(p["mu"]), float(p["sigma"])),
                                     float(p["low"]), float(p["high"]))
    if name == "lognormal":
        return J.Initializer.lognormal(float(p["mu"]), float(p["sigma"]))
    return None


def _cells(neurons):
    """For each cell of a population, view or assembly: its Population and index in it."""
    cells = neurons.all_cells
    parents = [c.parent for c in cells]
    index = np.array([int(c) - p.first_id for c, p in zip(cells, parents)], dtype=np.int64)
    return parents, index


class Projection(common.Projection):
    __doc__ = common.Projection.__doc__
    _simulator = simulator

    def __init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type=None,
                 source=None, receptor_type=None, space=Space(), label=None):
        simulator.state.changed("creating a projection")
        common.Projection.__init__(self, presynaptic_population, postsynaptic_population, connector,
                                   synapse_type, source, receptor_type, space, label)
        self._name = simulator.state.unique_name(self.label)
        self._java = []
        self._explicit = None
        self._native = None
        self._check_synapse_type()
        base = self.synapse_type.parameter_space
        weight = base["weight"].base_value
        delay = base["delay"].base_value
        whole = (isinstance(self.pre, common.Population) and isinstance(self.post, common.Population))
        plain = [v for v in (weight, delay) if not isinstance(v, (int, float, np.floating, np.integer))]
        drawable = all(_initializer(v, "") is not None for v in plain)
        if whole and isinstance(connector, _NATIVE) and drawable and self._native_connector(connector) is not None:
            self._native = (weight, delay)
        elif isinstance(connector, connectors.FromListConnector):
            self._from_list(connector)
        elif isinstance(connector, connectors.ArrayConnector):
            pre, post = np.nonzero(np.asarray(connector.array, dtype=bool))
            self._set_explicit(pre, post, self._values("weight", pre, post), self._values("delay", pre, post))
        else:
            self._pending = ([], [], [], [])
            connector.connect(self)
            pre, post, w, d = (np.concatenate(x) if x else np.zeros(0) for x in self._pending)
            del self._pending
            self._set_explicit(pre.astype(np.int64), post.astype(np.int64), w, d)
        simulator.state.projections.append(self)

    # --- the description ----------------------------------------------------------------------

    def _check_synapse_type(self):
        if isinstance(self.synapse_type, STDPMechanism):
            self.synapse_type.check_supported()
            if not (isinstance(self.pre, common.Population) and isinstance(self.post, common.Population)):
                raise NotImplementedError("STDPMechanism between population views or assemblies on Myelin")
        if isinstance(self.synapse_type, TsodyksMarkramSynapse):
            self.synapse_type.weight_factor()
        targets = self.post.populations if isinstance(self.post, common.Assembly) else [self.post]
        for target in targets:
            receptors = getattr(target.celltype, "myelin_receptors", None)
            if receptors is None:
                raise NotImplementedError("projections onto %s" % target.celltype.__class__.__name__)
            if self.receptor_type not in receptors:
                raise NotImplementedError("receptor type '%s' on Myelin; known: %s"
                                          % (self.receptor_type, sorted(receptors)))

    def _native_connector(self, c):
        same = self.pre == self.post
        if isinstance(c, connectors.AllToAllConnector):
            return J.AllToAll(bool(c.allow_self_connections) or not same)
        if isinstance(c, connectors.OneToOneConnector):
            return J.OneToOne()
        if isinstance(c, connectors.FixedProbabilityConnector):
            return J.FixedProbability(float(c.p_connect), bool(c.allow_self_connections) or not same)
        if isinstance(c, (connectors.FixedNumberPreConnector, connectors.FixedNumberPostConnector)):
            if not isinstance(c.n, (int, np.integer)):
                return None
            rule = J.FixedInDegree if isinstance(c, connectors.FixedNumberPreConnector) else J.FixedOutDegree
            return rule(int(c.n), bool(c.allow_self_connections) or not same, bool(c.with_replacement))
        return None

    def _values(self, name, pre, post):
        """Per-synapse values of a synapse parameter for the given index pairs (PyNN units)."""
        value = self.synapse_type.parameter_space[name].base_value
        if isinstance(value, random.RandomDistribution):
            return np.asarray(value.next(len(pre)), dtype=float)
        if callable(value):
            raise NotImplementedError("weights or delays given as functions of distance with %s"
                                      % self._connector.__class__.__name__)
        value = np.asarray(value, dtype=float)
        if value.ndim == 2:
            return value[pre, post]
        return np.broadcast_to(value, (len(pre),)).astype(float)

    def _from_list(self, connector):
        if isinstance(connector, connectors.FromFileConnector):
            # what FromFileConnector.connect reads before it hands over to FromListConnector
            columns = connector.file.get_metadata().get("columns", ("weight", "delay"))
            connector.column_names = [c for c in columns if c not in ("i", "j")]
            connector.conn_list = connector.file.read()
        table = np.asarray(connector.conn_list, dtype=float)
        if table.size == 0:
            table = table.reshape(0, 2)
        pre = table[:, 0].astype(np.int64)
        post = table[:, 1].astype(np.int64)
        columns = list(connector.column_names or [])
        found = {}
        for k, name in enumerate(columns):
            found[name] = table[:, 2 + k]
        extra = set(found) - {"weight", "delay"}
        if extra:
            raise NotImplementedError("FromListConnector columns %s on Myelin (only weight and delay)"
                                      % sorted(extra))
        w = found.get("weight")
        d = found.get("delay")
        self._set_explicit(pre, post, w if w is not None else self._values("weight", pre, post),
                           d if d is not None else self._values("delay", pre, post))

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, **connection_parameters):
        pre = np.asarray(presynaptic_indices, dtype=np.int64)
        n = pre.size
        self._pending[0].append(pre)
        self._pending[1].append(np.full(n, int(postsynaptic_index), dtype=np.int64))
        for slot, name in ((2, "weight"), (3, "delay")):
            value = connection_parameters.get(name)
            if value is None:
                value = self._values(name, pre, np.full(n, int(postsynaptic_index)))
            self._pending[slot].append(np.broadcast_to(np.asarray(value, dtype=float), (n,)))
        unknown = set(connection_parameters) - {"weight", "delay"} - set(self.synapse_type.get_parameter_names())
        if unknown:
            raise NotImplementedError("per-connection %s on Myelin" % sorted(unknown))

    def _set_explicit(self, pre, post, weights, delays):
        dt = simulator.state.dt
        delays = np.asarray(delays, dtype=float)
        if delays.size and delays.min() < dt - 1e-9:
            raise ValueError("projection '%s': delay %g ms is shorter than the time step %g ms"
                             % (self.label, delays.min(), dt))
        self._explicit = {"pre": pre, "post": post, "weight": np.asarray(weights, dtype=float),
                          "delay": delays}

    # --- building in Java ---------------------------------------------------------------------

    def _weight_scale(self, post_population):
        scale = post_population.celltype.weight_scale(self.receptor_type)
        if isinstance(self.synapse_type, TsodyksMarkramSynapse):
            scale *= self.synapse_type.weight_factor()
        return scale

    def _presynaptic(self):
        if isinstance(self.synapse_type, TsodyksMarkramSynapse):
            return self.synapse_type.java_state()
        return None

    def _add(self, network, name, pre_population, post_population, connector, weight, delay):
        port = post_population.java_port(self.receptor_type)
        projection = J.AlignPostProjection(name, pre_population.java_group, post_population.java_group,
                                           connector, port, float(weight), float(delay))
        projection.withRounding(J.DelayRounding.NEAREST)
        presynaptic = self._presynaptic()
        if presynaptic is not None:
            projection.withPresynaptic(presynaptic)
        return projection

    def _parts(self):
        """The Java projections of this one, not yet added: (AlignPostProjection, mask of the explicit list)."""
        parts = []
        if self._native is not None:
            weight, delay = self._native
            scale = self._weight_scale(self.post)
            projection = self._add(None, self._name, self.pre, self.post, self._native_connector(self._connector),
                                   scale if _initializer(weight, "") else scale * weight,
                                   0.0 if _initializer(delay, "") else delay)
            if _initializer(weight, ""):
                projection.withWeights(_initializer(weight, ""))
            if _initializer(delay, ""):
                projection.withDelays(_initializer(delay, ""), J.DelayRounding.NEAREST)
            return [(projection, None)]
        e = self._explicit
        pre_parents, pre_index = _cells(self.pre)
        post_parents, post_index = _cells(self.post)
        pre_owner = np.array([id(pre_parents[i]) for i in e["pre"]], dtype=np.int64)
        post_owner = np.array([id(post_parents[j]) for j in e["post"]], dtype=np.int64)
        populations = {id(p): p for p in pre_parents + post_parents}
        pairs = sorted(set(zip(pre_owner.tolist(), post_owner.tolist())))
        plastic = isinstance(self.synapse_type, STDPMechanism)
        for k, (a, b) in enumerate(pairs):
            mask = (pre_owner == a) & (post_owner == b)
            pre_pop, post_pop = populations[a], populations[b]
            delays = e["delay"][mask]
            homogeneous = plastic and np.all(delays == delays[0])
            connector = J.ExplicitConnections(ints(pre_index[e["pre"][mask]]), ints(post_index[e["post"][mask]]),
                                              doubles(e["weight"][mask]), None if homogeneous else doubles(delays))
            name = self._name if len(pairs) == 1 else "%s[%d]" % (self._name, k)
            parts.append((self._add(None, name, pre_pop, post_pop, connector, self._weight_scale(post_pop),
                                    float(delays[0]) if homogeneous else 0.0), mask))
        return parts

    def _build(self, network):
        parts = self._parts()
        if isinstance(self.synapse_type, STDPMechanism):
            parts = [(self.synapse_type.plastic(projection, self._weight_scale(self.post)), mask)
                     for projection, mask in parts]
        self._java = [(network.add(projection), mask) for projection, mask in parts]

    # --- reading back -------------------------------------------------------------------------

    def _table(self):
        """pre, post (indices in this projection's pre and post), weight and delay (PyNN units)."""
        plastic = isinstance(self.synapse_type, STDPMechanism)
        if self._explicit is not None and not plastic:
            e = self._explicit
            return e["pre"], e["post"], e["weight"], e["delay"]
        simulator.state.ensure_built()
        dt = simulator.state.dt
        if plastic:
            projection = self._java[0][0]
            weights = projection.weights()
            delay = projection.synapses().delaySteps(dt) * dt
            pre = np.array(weights.pre(), dtype=np.int64)
            return (pre, np.array(weights.post(), dtype=np.int64),
                    np.array(weights.w(), dtype=float) / self._weight_scale(self.post), np.full(pre.size, delay))
        pres, posts, weights, delays = [], [], [], []
        for projection, mask in self._java:
            connectivity = projection.connectivity()
            if not isinstance(connectivity, J.CsrConnectivity):
                raise NotImplementedError("reading the synapses of a just-in-time projection")
            n = int(connectivity.sourceSize())
            total = int(connectivity.synapseCount())
            post = start().JArray(start().JInt)(total)
            for i in range(n):
                connectivity.copyTargets(i, post, int(connectivity.rowStart(i)))
            rows = np.array([int(connectivity.rowStart(i)) for i in range(n + 1)], dtype=np.int64)
            pre = np.repeat(np.arange(n), np.diff(rows))
            base = float(projection.weight())
            own_weights = total > 0 and not math.isnan(float(connectivity.weight(0)))
            w = np.array([float(connectivity.weight(k)) for k in range(total)]) if own_weights else np.ones(total)
            w = w * base
            d = np.array([int(connectivity.delaySteps(k)) for k in range(total)], dtype=float) * dt \
                if connectivity.hasDelays() else np.zeros(total)
            d = d + projection.delaySteps(dt) * dt
            scale = self._weight_scale(self.post if mask is None else self.post.populations[0]
                                       if isinstance(self.post, common.Assembly) else self.post)
            pres.append(pre)
            posts.append(np.array(post, dtype=np.int64))
            weights.append(w / scale)
            delays.append(d)
        if self._explicit is not None:  # plastic explicit projection: addresses from the description
            e = self._explicit
            return e["pre"], e["post"], np.concatenate(weights), e["delay"]
        return np.concatenate(pres), np.concatenate(posts), np.concatenate(weights), np.concatenate(delays)

    def __len__(self):
        if self._explicit is not None and not isinstance(self.synapse_type, STDPMechanism):
            return len(self._explicit["pre"])
        simulator.state.ensure_built()
        return int(sum(int(p.synapseCount()) if isinstance(p, J.PlasticProjection)
                       else int(p.connectivity().synapseCount()) for p, m in self._java))

    def _columns(self, names):
        pre, post, w, d = self._table()
        columns = {"presynaptic_index": pre, "postsynaptic_index": post, "weight": w, "delay": d}
        out = []
        for name in names:
            if name in columns:
                out.append(columns[name])
            else:
                value = self.synapse_type.parameter_space[name].base_value
                out.append(np.full(len(pre), float(value)))
        return out

    def _get_attributes_as_list(self, names):
        columns = self._columns(names)
        return [tuple(row) for row in zip(*[c.tolist() for c in columns])]

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        pre, post = self._columns(["presynaptic_index", "postsynaptic_index"])
        out = []
        for values in self._columns([n[:-1] if n.endswith("s") and n[:-1] in ("weight", "delay") else n
                                     for n in names]):
            array = np.full((self.pre.size, self.post.size), np.nan)
            if multiple_synapses == "sum":
                array[pre, post] = 0.0
                np.add.at(array, (pre, post), values)
            else:
                array[pre, post] = values
            out.append(array)
        return out

    def set(self, **attributes):
        raise NotImplementedError("Projection.set on Myelin: give weights and delays when the projection is made")
