import java.nio.file.Path;
import java.util.List;

import org.myelin.connect.FixedProbability;
import org.myelin.io.SpikeFiles;
import org.myelin.monitor.SpikeMonitor;
import org.myelin.monitor.SpikeRaster;
import org.myelin.neuron.Lif;
import org.myelin.output.Coba;
import org.myelin.random.Initializer;
import org.myelin.sim.Network;
import org.myelin.sim.Simulation;
import org.myelin.synapse.Exponential;

void main() throws Exception
{
    Network net = new Network(0.1, 42);                        // dt = 0.1 ms, seed 42
    Lif.Parameters lif = Lif.Parameters.defaults()             // the defaults of Lif's table, then by name:
        .with("vRest", "-60 mV").with("vTh", "-50 mV").with("vReset", "-60 mV")
        .with("tauM", "20 ms").with("tRef", "5 ms").with("iExt", "20 pA")
        .with("integrator", "euler");
    Lif e = net.add(new Lif("E", 3200, lif, Initializer.uniform(-60, -50)));
    Lif i = net.add(new Lif("I", 800, lif, Initializer.uniform(-60, -50)));
    var p = new FixedProbability(0.02);
    var exc = new Exponential(5);                              // τ = 5 ms
    var inh = new Exponential(10);
    net.connect("E->E", e, e, p, exc, new Coba(0), "ge", 0.6, 0);    // E = 0 mV, weight 0.6 nS, no delay
    net.connect("E->I", e, i, p, exc, new Coba(0), "ge", 0.6, 0);
    net.connect("I->E", i, e, p, inh, new Coba(-80), "gi", 6.7, 0);
    net.connect("I->I", i, i, p, inh, new Coba(-80), "gi", 6.7, 0);
    SpikeMonitor se = net.monitorSpikes(e);
    SpikeMonitor si = net.monitorSpikes(i);
    new Simulation(net, 1).run(1000);                          // 1000 ms on 1 thread
    System.out.printf("E %.1f Hz, I %.1f Hz%n", se.meanRateHz(1000), si.meanRateHz(1000));
    Path out = Path.of("out-java");
    java.nio.file.Files.createDirectories(out);
    SpikeFiles.write(out, SpikeRaster.of(List.of(se, si), net.dt()));   // spikes_step.npy, spikes_neuron.npy, spikes.csv
}
