package org.myelin.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Keeps checkpoints complete: every class of the core that holds a field a run could change (a
 * field that is not final, or an array) either visits its state ({@link Stateful#visitState},
 * declared by the class itself) or is listed here with the reason it holds none. A new stateful
 * class that forgets its state fails this test instead of resuming wrongly.
 */
class StatefulClassesTest
{
    private static final Path CLASSES = Path.of("target/classes");

    /** Packages whose classes hold no run state, with the reason. */
    private static final Map<String, String> STATELESS_PACKAGES = Map.of(
        "org.myelin.connect", "connectivity is drawn from the connectivity seed and read-only while running",
        "org.myelin.units", "units and quantities are values",
        "org.myelin.util", "helpers without run state",
        "org.myelin.mpi", "the connection to the other processes and its native scratch buffers",
        "org.myelin.random", "counter-based draws keyed by seed and step; streams only build connectivity");

    /** Classes whose fields are parameters, constants derived from dt, scratch or references. */
    private static final Map<String, String> STATELESS_CLASSES = Map.ofEntries(
        Map.entry("org.myelin.base.DeliveryContext",
            "the slices of one run"),
        Map.entry("org.myelin.base.RunContext",
            "the slices of one run"),
        Map.entry("org.myelin.input.PoissonGroup",
            "constants derived from dt and the seed; draws are keyed by the step"),
        Map.entry("org.myelin.input.PoissonInput",
            "constants derived from dt and the seed; draws are keyed by the step"),
        Map.entry("org.myelin.input.SectionInput",
            "a function of the step; its section ends are derived from dt"),
        Map.entry("org.myelin.monitor.SpikeRaster",
            "a read-only view of recorded spikes"),
        Map.entry("org.myelin.neuron.AdEx",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.AdQuaIf",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.Alif",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.ExpIf",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.Gif",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.HeterogeneousLif",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.HodgkinHuxley",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.IntegrateAndFire",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.Izhikevich",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.QuaIf",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.neuron.SodiumPotassiumGroup",
            "per-neuron parameters and rates recomputed at every stage; the state variables are OdeNeuronGroup's"),
        Map.entry("org.myelin.neuron.TraubMiles",
            "per-neuron parameters; the state variables are OdeNeuronGroup's, which visits them"),
        Map.entry("org.myelin.plasticity.SynapseSlice",
            "one worker's part of a plastic projection: SynapseSlice.visitSynapses saves all slices in synapse order"),
        Map.entry("org.myelin.plasticity.TraceDecay",
            "a table of decay factors derived from dt"),
        Map.entry("org.myelin.projection.PlasticProjection$Weights",
            "a copy of the weights handed out"),
        Map.entry("org.myelin.readout.Readout",
            "the readout weights are parameters and the decay derives from dt; subclasses visit their state"),
        Map.entry("org.myelin.sim.Batch",
            "runs simulations, which hold the state"),
        Map.entry("org.myelin.sim.SpinBarrier",
            "synchronises the workers within one run"),
        Map.entry("org.myelin.synapse.Alpha$State",
            "constants derived from dt; StateReceptor visits the state arrays"),
        Map.entry("org.myelin.synapse.Receptor$LinearDecay",
            "a view of a receptor's variable for the neuron loop; the receptor visits the array"),
        Map.entry("org.myelin.synapse.Delta$State",
            "constants derived from dt; StateReceptor visits the state arrays"),
        Map.entry("org.myelin.synapse.DualExponential$State",
            "constants derived from dt; StateReceptor visits the state arrays"),
        Map.entry("org.myelin.synapse.Nmda$State",
            "constants derived from dt; StateReceptor visits the state arrays"));

    @Test
    void everyCoreClassWithChangingFieldsShouldVisitItsStateOrSayWhyItHasNone() throws IOException
    {
        final List<String> missing = new ArrayList<>();
        for (final Class<?> type : coreClasses())
        {
            final List<String> fields = changingFields(type);
            if (fields.isEmpty() || declaresVisitState(type) || STATELESS_CLASSES.containsKey(type.getName())
                || STATELESS_PACKAGES.containsKey(type.getPackageName()))
            {
                continue;
            }
            missing.add(type.getName() + " " + fields);
        }

        assertThat(missing).isEmpty();
    }

    @Test
    void aClassWithAnArrayAndNoVisitShouldBeFoundAndOneThatVisitsShouldPass()
    {
        assertThat(changingFields(Forgetful.class)).containsExactly("potential", "steps");
        assertThat(declaresVisitState(Forgetful.class)).isFalse();
        assertThat(changingFields(Remembering.class)).containsExactly("potential");
        assertThat(declaresVisitState(Remembering.class)).isTrue();
    }

    /** Holds state and forgets to visit it. */
    static final class Forgetful
    {
        private final double[] potential = new double[3];
        private long steps;
        private final int size = 3;
    }

    /** Holds state and visits it. */
    static final class Remembering implements Stateful
    {
        private final double[] potential = new double[3];

        @Override
        public void visitState(final StateAccess state)
        {
            state.doubles("potential", potential);
        }
    }

    @Test
    void everyListedClassShouldExist()
    {
        for (final String name : STATELESS_CLASSES.keySet())
        {
            assertThat(exists(name)).as(name).isTrue();
        }
    }

    private static boolean exists(final String name)
    {
        try
        {
            Class.forName(name, false, StatefulClassesTest.class.getClassLoader());
            return true;
        }
        catch (final ClassNotFoundException e)
        {
            return false;
        }
    }

    /** The fields a run could change: not static, and not final or an array. */
    private static List<String> changingFields(final Class<?> type)
    {
        final List<String> out = new ArrayList<>();
        for (final Field f : type.getDeclaredFields())
        {
            final int m = f.getModifiers();
            if (Modifier.isStatic(m) || f.isSynthetic())
            {
                continue;
            }
            if (!Modifier.isFinal(m) || f.getType().isArray())
            {
                out.add(f.getName());
            }
        }
        return out;
    }

    private static boolean declaresVisitState(final Class<?> type)
    {
        for (final Method m : type.getDeclaredMethods())
        {
            if (m.getName().equals("visitState") && m.getParameterCount() == 1
                && m.getParameterTypes()[0] == StateAccess.class)
            {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> coreClasses() throws IOException
    {
        final TreeSet<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES))
        {
            files.filter(p -> p.toString().endsWith(".class")).forEach(p ->
            {
                final String relative = CLASSES.relativize(p).toString();
                names.add(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
            });
        }
        final List<Class<?>> out = new ArrayList<>();
        for (final String name : names)
        {
            if (name.endsWith("package-info"))
            {
                continue;
            }
            try
            {
                out.add(Class.forName(name, false, StatefulClassesTest.class.getClassLoader()));
            }
            catch (final ClassNotFoundException e)
            {
                throw new IllegalStateException(name, e);
            }
        }
        assertThat(out).hasSizeGreaterThan(100);
        return out;
    }
}
