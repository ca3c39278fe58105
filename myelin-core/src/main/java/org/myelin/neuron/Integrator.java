package org.myelin.neuron;

/** How a neuron model advances its sub-threshold state by one step. */
public enum Integrator
{
    /**
     * Forward Euler, {@code x ← x + dt·f(x)}: Brian2's {@code method='euler'}, used by the COBA
     * benchmark.
     */
    EULER,
    /**
     * Exact for linear dynamics: the closed-form propagator of the linear ODE with the inputs of
     * the step. Current-based exponential synapses are integrated together with {@code v}
     * (NEST's {@code iaf_psc_exp}, Brian2's {@code method='exact'}); conductance inputs are
     * held for the step (exponential Euler).
     */
    EXACT
}
