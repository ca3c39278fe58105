package org.myelin.io.model;

import org.myelin.output.Output;
import org.myelin.synapse.SynapseModel;

/**
 * The synapse side of a projection or input as a file gives it: model, output, the receptor's
 * variable name on the target and the weight (in the output's unit: nS, pA, or mV for a delta
 * synapse).
 *
 * @param model  the synapse model.
 * @param output the output.
 * @param label  the receptor's state variable name on the target.
 * @param weight the weight in canonical units.
 */
public record ReceptorSpec(SynapseModel model, Output output, String label, double weight)
{
}
