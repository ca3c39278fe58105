package org.myelin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.myelin.monitor.SpikeMonitor;

/** Pinning workers to CPUs: the mask arithmetic, the calls into libc, and what a run leaves behind. */
class CpuAffinityTest
{
    @Test
    void cpusShouldListTheBitsOfAMaskAscending()
    {
        assertThat(CpuAffinity.cpus(new long[] {0b1011L, 1L})).containsExactly(0, 1, 3, 64);
        assertThat(CpuAffinity.cpus(new long[] {0L, 0L})).isEmpty();
        assertThat(CpuAffinity.cpus(new long[] {Long.MIN_VALUE})).containsExactly(63);
    }

    /** The build's test JVM gets --enable-native-access=ALL-UNNAMED, as bin/myelin does. */
    @Test
    @EnabledOnOs(OS.LINUX)
    void pinningShouldBeAvailableOnLinuxWithTheLaunchersOptions()
    {
        assertThat(CpuAffinity.available()).isTrue();
        assertThat(CpuAffinity.currentMask()).isNotNull();
    }

    @Test
    void pinShouldConfineTheCallingThreadToOneCpuAndSetMaskShouldUndoIt() throws InterruptedException
    {
        assumeTrue(CpuAffinity.available(), "pinning needs Linux and native access");
        final AtomicReference<List<int[]>> seen = new AtomicReference<>();
        final Thread t = new Thread(() ->
        {
            final long[] before = CpuAffinity.currentMask();
            final int[] cpus = CpuAffinity.cpus(before);
            final int last = cpus[cpus.length - 1];
            final boolean pinned = CpuAffinity.pin(last);
            final int[] during = CpuAffinity.cpus(CpuAffinity.currentMask());
            final boolean restored = CpuAffinity.setMask(before);
            seen.set(List.of(cpus, new int[] {last, pinned ? 1 : 0, restored ? 1 : 0}, during,
                CpuAffinity.cpus(CpuAffinity.currentMask())));
        });
        t.start();
        t.join();
        final List<int[]> s = seen.get();
        assertThat(s.get(1)[1]).as("pinned").isEqualTo(1);
        assertThat(s.get(1)[2]).as("restored").isEqualTo(1);
        assertThat(s.get(2)).containsExactly(s.get(1)[0]);
        assertThat(s.get(3)).containsExactly(s.get(0));
        assertThat(CpuAffinity.pin(-1)).isFalse();
        assertThat(CpuAffinity.pin(1 << 20)).isFalse();
    }

    @Test
    void onlyOneRunAtATimeShouldHoldThePinning()
    {
        assumeTrue(CpuAffinity.available(), "pinning needs Linux and native access");
        final int[] first = CpuAffinity.claim(1);
        try
        {
            assertThat(first).hasSize(1);
            assertThat(CpuAffinity.claim(1)).as("while held").isNull();
        }
        finally
        {
            CpuAffinity.release();
        }
        assertThat(CpuAffinity.claim(1 << 16)).as("more threads than CPUs").isNull();
        assertThat(CpuAffinity.claim(1)).as("after release, and after a refused claim").isNotNull();
        CpuAffinity.release();
    }

    /**
     * During a 2-thread run each worker may use one CPU only (worker 0 is the caller, seen from
     * the progress listener; worker 1 through /proc); afterwards the caller has its CPUs back,
     * and the spikes are those of an unpinned run.
     */
    @Test
    void aRunShouldPinItsWorkersAndGiveTheCallerItsCpusBack() throws InterruptedException
    {
        assumeTrue(CpuAffinity.available(), "pinning needs Linux and native access");
        assumeTrue(CpuAffinity.cpus(CpuAffinity.currentMask()).length >= 2, "needs two CPUs");
        final AtomicReference<String> result = new AtomicReference<>();
        final Thread t = new Thread(() ->
        {
            final long[] before = CpuAffinity.currentMask();
            final List<String> during = new ArrayList<>();
            final ReferenceNetworks.Built pinned = ReferenceNetworks.coba(1000, 0.1, 7);
            final SpikeMonitor pinnedSpikes = pinned.network().monitorSpikes(pinned.excitatory());
            final Simulation sim = new Simulation(pinned.network(), 2);
            assertThat(sim.pinsThreads()).isTrue();
            sim.runSteps(200, (done, total) ->
            {
                if (done == 100)
                {
                    during.add(CpuAffinity.cpus(CpuAffinity.currentMask()).length + " " + workerCpus("myelin-worker-1"));
                }
            });
            final ReferenceNetworks.Built free = ReferenceNetworks.coba(1000, 0.1, 7);
            final SpikeMonitor freeSpikes = free.network().monitorSpikes(free.excitatory());
            new Simulation(free.network(), 2).pinThreads(false).runSteps(200, null);
            result.set(during + " restored=" + java.util.Arrays.equals(before, CpuAffinity.currentMask())
                + " same=" + (java.util.Arrays.equals(pinnedSpikes.steps(), freeSpikes.steps())
                && pinnedSpikes.size() == freeSpikes.size() && pinnedSpikes.size() > 0));
        });
        t.start();
        t.join();
        assertThat(result.get()).matches("\\[1 \\d+\\] restored=true same=true");
    }

    /** The Cpus_allowed_list of the thread named {@code name} in /proc, or "?" if not found. */
    private static String workerCpus(final String name)
    {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task")))
        {
            for (final Path task : tasks.toList())
            {
                if (Files.readString(task.resolve("comm")).strip().equals(name))
                {
                    return Files.readAllLines(task.resolve("status")).stream()
                        .filter(l -> l.startsWith("Cpus_allowed_list:")).map(l -> l.split(":")[1].strip())
                        .findFirst().orElse("?");
                }
            }
        }
        catch (final IOException e)
        {
            return "?";
        }
        return "?";
    }
}
