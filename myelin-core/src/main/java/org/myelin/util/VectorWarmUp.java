package org.myelin.util;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;

/**
 * Gets a Vector API loop compiled before a simulation relies on it.
 *
 * <p>Until C2 has compiled it, a Vector API loop is far slower than a plain one: the interpreter
 * and C1 run every lane operation as an object. On COBA with 100 000 neurons the first ten steps
 * took 0.55 s and the later ones 0.3 ms each, and with two workers the JIT competes with them for
 * the cores. So the first model that needs the loop starts one daemon thread that calls it on a
 * block of scratch neurons until a call runs at compiled speed ({@link #FAST_NS_PER_NEURON}, several
 * times in a row), then sets {@link #ready()}. Until then, and for good if that never happens
 * within {@link #GIVE_UP_NS} (a machine whose vector unit the JIT does not use), the model runs
 * its scalar loop, which must give bit-identical results: which loop ran at which step depends on
 * timing, the results must not.
 */
public final class VectorWarmUp
{
    /** Per neuron and call, the time below which the loop counts as compiled (interpreted: ~2 µs). */
    static final double FAST_NS_PER_NEURON = 15.0;
    /** Consecutive fast calls before the loop counts as compiled. */
    static final int FAST_CALLS = 50;
    /** Time after which the thread stops trying (normally it is done in about a second). */
    static final long GIVE_UP_NS = 10_000_000_000L;

    private final String name;
    private final long giveUpNs;
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile boolean ready;
    private volatile boolean finished;

    /** @param name the model, for the thread's name. */
    public VectorWarmUp(final String name)
    {
        this(name, GIVE_UP_NS);
    }

    /**
     * @param name     the model, for the thread's name.
     * @param giveUpNs the time after which the thread stops trying.
     */
    public VectorWarmUp(final String name, final long giveUpNs)
    {
        this.name = name;
        this.giveUpNs = giveUpNs;
    }

    /** True once the warm-up thread has stopped, ready or not. */
    public boolean finished()
    {
        return finished;
    }

    /** True once the vector loop runs at compiled speed. */
    public boolean ready()
    {
        return ready;
    }

    /**
     * Starts the warm-up thread, unless it was started before.
     *
     * @param call calls the vector loop once and returns the number of neurons it updated; it gets
     *             a one-element array to keep its scratch state in (null at the first call).
     */
    public void start(final ToIntFunction<Object[]> call)
    {
        if (!started.compareAndSet(false, true))
        {
            return;
        }
        final Thread thread = new Thread(() -> run(call), "myelin-" + name + "-vector-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private void run(final ToIntFunction<Object[]> call)
    {
        final Object[] state = new Object[1];
        final long begin = System.nanoTime();
        int fast = 0;
        while (fast < FAST_CALLS && System.nanoTime() - begin < giveUpNs)
        {
            final long t0 = System.nanoTime();
            final int neurons = call.applyAsInt(state);
            final long elapsed = System.nanoTime() - t0;
            fast = elapsed < FAST_NS_PER_NEURON * neurons ? fast + 1 : 0;
        }
        ready = fast >= FAST_CALLS;
        finished = true;
    }
}
