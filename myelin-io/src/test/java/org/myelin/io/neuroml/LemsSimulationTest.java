package org.myelin.io.neuroml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.ModelFileException;
import org.myelin.io.load.Models;
import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.sim.Simulation;

/**
 * LEMS simulation files: the {@code <Simulation>}'s step, length and target network, spike sources,
 * and the {@code <OutputFile>}/{@code <EventOutputFile>} jLEMS writes, on hand-written files
 * whose spike steps are computed here by hand.
 */
class LemsSimulationTest
{
    private static final Path SOURCES = Path.of("src", "test", "resources", "neuroml", "lems");

    @TempDir
    Path dir;

    private Path lems;

    @BeforeEach
    void copyTheFiles() throws IOException
    {
        for (final String name : new String[] {"LEMS_iafref.xml", "iafref_cells.nml"})
        {
            Files.writeString(dir.resolve(name), Files.readString(SOURCES.resolve(name)).replace("@DIR@",
                dir.toString()));
        }
        lems = dir.resolve("LEMS_iafref.xml");
    }

    /** jLEMS's time of its step k: dt added k times to 0, in seconds. */
    private static double jlemsTime(final long k, final double dtSeconds)
    {
        double t = 0;
        for (long i = 0; i < k; i++)
        {
            t += dtSeconds;
        }
        return t;
    }

    private static List<Long> steps(final ModelFile model, final String population)
    {
        final List<Long> out = new ArrayList<>();
        for (final SpikeMonitor m : model.spikeMonitors())
        {
            if (m.population().name().equals(population))
            {
                for (final long s : m.steps())
                {
                    out.add(s);
                }
            }
        }
        return out;
    }

    @Test
    void theSimulationElementShouldGiveDtDurationNetworkAndSeed()
    {
        final ModelFile model = Models.load(lems, ModelLoader.Overrides.NONE);

        assertThat(model.network().dt()).isEqualTo(0.1);
        assertThat(model.durationMs()).isEqualTo(100.0);
        assertThat(model.network().seed()).isEqualTo(3);
        assertThat(model.name()).isEqualTo("net1");
        assertThat(model.notes()).containsExactly("ran <Simulation id=\"sim1\"> of LEMS_iafref.xml: dt 0.1 ms, "
            + "duration 100 ms, network 'net1'");
        assertThat(model.outputs()).hasSize(2);
        final ModelFile shorter = Models.load(lems, new ModelLoader.Overrides(0.05, 20.0, null, null));
        assertThat(shorter.network().dt()).isEqualTo(0.05);
        assertThat(shorter.notes()).containsExactly("ran <Simulation id=\"sim1\"> of LEMS_iafref.xml: dt 0.05 ms "
            + "(from --dt), duration 20 ms (from --duration), network 'net1'");
    }

    @Test
    void aDrivenIafRefCellShouldFireAtTheHandComputedSteps() throws IOException
    {
        final ModelFile model = Models.load(lems, ModelLoader.Overrides.NONE);

        new Simulation(model.network(), 1).run(model.durationMs());

        // exact integration: v(t) = -40 - 30 exp(-t/20 ms) passes -50 mV after 20 ln 3 = 21.97 ms,
        // i.e. at the end of step 219 (dt = 0.1 ms); reset, refractory for 50 steps: step 219 + 50
        // integrates again from -70 mV, and 220 steps later it fires again
        assertThat(steps(model, "driven")).containsExactly(219L, 488L, 757L);
        // spike array: the first step k of jLEMS with k dt >= 10 ms and >= 30.05 ms, minus one
        assertThat(steps(model, "source")).containsExactly(99L, 300L);
        // spikeGenerator, period 12.5 ms: the steps k with k dt > 12.5 j ms - 1e-9 ms, minus one, up to k = 1000
        assertThat(steps(model, "ticks")).containsExactly(124L, 124L, 249L, 249L, 374L, 374L, 499L, 499L, 624L,
            624L, 749L, 749L, 874L, 874L, 999L, 999L);
        for (final ModelFile.RunOutput o : model.outputs())
        {
            o.write(dir);
        }

        final List<String> events = Files.readAllLines(dir.resolve("results/spikes.dat"));
        final List<String> expected = new ArrayList<>();
        final long[][] byStep = {{100, 1}, {125, 2}, {220, 0}, {250, 2}, {301, 1}, {375, 2}, {489, 0}, {500, 2},
            {625, 2}, {750, 2}, {758, 0}, {875, 2}, {1000, 2}};
        for (final long[] e : byStep)
        {
            expected.add((float) jlemsTime(e[0], 1e-4) + "\t" + e[1]);
        }
        assertThat(events).containsExactlyElementsOf(expected);
        final List<String> v = Files.readAllLines(dir.resolve("results/v.dat"));
        assertThat(v).hasSize(1001);
        assertThat(v.get(0)).isEqualTo("0.0\t-0.07\t-0.07\t");
        // the row of step 220 holds the state after Myelin's step 219: the reset potential
        assertThat(v.get(220)).startsWith((float) jlemsTime(220, 1e-4) + "\t-0.07\t");
        assertThat(v.get(1000)).startsWith((float) jlemsTime(1000, 1e-4) + "\t");
    }

    @Test
    void theFileTypeShouldBeToldByItsRootElement() throws IOException
    {
        final Path renamed = dir.resolve("simulation.yaml");
        Files.copy(lems, renamed);

        assertThat(Models.load(renamed, ModelLoader.Overrides.NONE).network().populations()).hasSize(4);
    }

    @Test
    void whatALemsFileCannotSayShouldBeOneLocatedError() throws IOException
    {
        final String text = Files.readString(lems);
        Files.writeString(lems, text.replace("target=\"net1\"", "target=\"net2\""));
        assertThatThrownBy(() -> Models.load(lems, ModelLoader.Overrides.NONE))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(lems + ":18:78: <Simulation id=\"sim1\">: target network 'net2' is not defined; networks: "
                + "[net1]");
        Files.writeString(lems, text.replace("listener[0]/v", "listener[0]/g"));
        assertThatThrownBy(() -> Models.load(lems, ModelLoader.Overrides.NONE))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(lems + ":24:60: <OutputColumn>: quantity \"listener[0]/g\": Myelin records v of iafCell, "
                + "iafRefCell, izhikevich2007Cell and adExIaFCell, u of izhikevich2007Cell and w of adExIaFCell, not g "
                + "of iafRefCell");
        Files.writeString(lems, text.replace("source[0]", "source[4]"));
        assertThatThrownBy(() -> Models.load(lems, ModelLoader.Overrides.NONE))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(lems + ":28:74: <EventSelection>: select=\"source[4]\": index 4 is out of range for population "
                + "'source' of size 1");
        Files.writeString(lems, text.replace("<Target component=\"sim1\"/>", "<Target component=\"sim2\"/>"));
        assertThatThrownBy(() -> Models.load(lems, ModelLoader.Overrides.NONE))
            .isInstanceOf(ModelFileException.class)
            .hasMessage(lems + ":3:31: <Target component=\"sim2\"> names no <Simulation>; simulations: [sim1]");
        Files.writeString(lems, text.replace("<Target", "<ComponentType name=\"x\"/>\n    <Target"));
        assertThatThrownBy(() -> Models.load(lems, ModelLoader.Overrides.NONE))
            .isInstanceOf(ModelFileException.class)
            .hasMessageStartingWith(lems + ":3:30: <ComponentType> defines LEMS types of its own");
    }

    @Test
    void aNeuroMLDocumentRunWithoutFlagsShouldSayWhichDtAndDurationItUsed()
    {
        final ModelFile model = NeuroMLImporter.load(Path.of("src", "test", "resources", "neuroml",
            "iafref_tonic.nml"), ModelLoader.Overrides.NONE);

        assertThat(model.notes()).containsExactly("NeuroML holds no time step or duration: ran with dt 0.1 ms and "
            + "duration 1000 ms (set --dt and --duration, or run a LEMS simulation file)");
        assertThat(NeuroMLImporter.load(Path.of("src", "test", "resources", "neuroml", "iafref_tonic.nml"),
            new ModelLoader.Overrides(0.1, 5.0, null, null)).notes()).isEmpty();
    }
}
