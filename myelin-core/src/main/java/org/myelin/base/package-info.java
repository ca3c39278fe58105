/**
 * The simulation loop's contract, which every other part of the engine builds on: a
 * {@link org.myelin.base.Population} (state in arrays, updated one slice at a time, its spikes in
 * a {@link org.myelin.base.SpikeHistory}), a {@link org.myelin.base.Delivery} (a projection or an
 * input acting in the propagation phase, prepared through a
 * {@link org.myelin.base.DeliveryContext}, with {@link org.myelin.base.SpikeObserver}s for work on
 * its source's spikes), the inputs of a group ({@link org.myelin.base.InputPort},
 * {@link org.myelin.base.CurrentInput}) and the post-side {@link org.myelin.base.DelayRing}.
 *
 * <p>This package depends only on {@code util} and {@code random}; the loop ({@code sim}) asks
 * nothing of a population or a delivery beyond these types.
 */
package org.myelin.base;
