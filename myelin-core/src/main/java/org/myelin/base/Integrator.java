package org.myelin.base;

import java.util.Arrays;

import org.myelin.util.Check;

/**
 * How a neuron model advances its sub-threshold state by one step.
 *
 * <p>Each model documents which methods it accepts and its default. The synaptic and external
 * inputs are those of time t, held for the step; a conductance input is evaluated at each stage's
 * membrane potential by the Runge–Kutta methods and enters the Jacobian of the exponential Euler
 * method. The nonlinear neuron models share one implementation of all methods
 * ({@code org.myelin.neuron.OdeNeuronGroup}). Synapse models use the same methods for their
 * kinetics: for their linear equations each method is one factor per step
 * ({@link #linearFactor}).
 */
public enum Integrator
{
    /**
     * Forward Euler, {@code x ← x + dt·f(x)}: Brian2's {@code method='euler'}, used by the COBA
     * benchmark. First order.
     */
    EULER,
    /**
     * Exact for linear dynamics: the closed-form propagator of the linear ODE with the inputs of
     * the step. In {@code Lif}, current-based exponential synapses are integrated together with
     * {@code v} (NEST's {@code iaf_psc_exp}, Brian2's {@code method='exact'}) and conductance
     * inputs are held for the step; in the other linear models ({@code IntegrateAndFire},
     * {@code Alif}) every input is held for the step, where the closed form is the exponential
     * Euler step. Only models whose equations are linear accept it.
     */
    EXACT,
    /**
     * Exponential Euler (brainstate's {@code exp_euler_step}, Brian2's {@code exponential_euler}):
     * each variable x with {@code dx/dt = f(x, ...)} moves by
     * {@code dt·f·(e^{J·dt} − 1)/(J·dt)}, J = ∂f/∂x at the start of the step with the other
     * variables held. Exact for a variable whose equation is linear in itself (the gates of
     * Hodgkin–Huxley, a leak with held inputs); first order otherwise.
     */
    EXPONENTIAL_EULER,
    /** The explicit midpoint method (Brian2's {@code rk2}): two evaluations, second order. */
    RK2,
    /** The classic fourth-order Runge–Kutta method (Brian2's {@code rk4}): four evaluations. */
    RK4;

    /**
     * The factor by which one step of this method multiplies x for {@code dx/dt = λ·x}:
     * {@code e^z} for {@link #EXACT} and {@link #EXPONENTIAL_EULER} (exact for a linear
     * equation), and the Taylor polynomial of {@code e^z} of the method's order for the others,
     * {@code 1 + z} ({@link #EULER}), {@code 1 + z + z²/2} ({@link #RK2}),
     * {@code 1 + z + z²/2 + z³/6 + z⁴/24} ({@link #RK4}).
     *
     * @param z {@code λ·dt}.
     */
    public double linearFactor(final double z)
    {
        return switch (this)
        {
            case EXACT, EXPONENTIAL_EULER -> Math.exp(z);
            case EULER -> 1 + z;
            case RK2 -> 1 + z * (1 + z / 2);
            case RK4 -> 1 + z * (1 + z / 2 * (1 + z / 3 * (1 + z / 4)));
        };
    }

    /**
     * Checks that {@code integrator} is one of {@code allowed}.
     *
     * @param owner the model, for the message.
     * @return the integrator.
     */
    public static Integrator require(final String owner, final Integrator integrator, final Integrator... allowed)
    {
        for (final Integrator a : allowed)
        {
            if (a == integrator)
            {
                return integrator;
            }
        }
        Check.that(false, owner, "integrator must be one of " + Arrays.toString(allowed) + ", got integrator="
            + integrator);
        return integrator;
    }
}
