package org.myelin.train.layer;

/** A layer described without its input size, built once the network knows what feeds it. */
@FunctionalInterface
public interface LayerSpec
{
    /** The layer for {@code inputs} input units per step. */
    Layer build(int inputs);
}
