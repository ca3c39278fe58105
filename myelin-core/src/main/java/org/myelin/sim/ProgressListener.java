package org.myelin.sim;

/** Told about a run's progress from the simulation's first worker; keep it cheap. */
@FunctionalInterface
public interface ProgressListener
{
    /** No reporting. */
    ProgressListener NONE = (done, total) -> { };

    /**
     * @param stepsDone steps completed in this run.
     * @param stepsTotal steps of this run.
     */
    void progress(long stepsDone, long stepsTotal);
}
