package org.myelin.train.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.myelin.base.Integrator;
import org.myelin.train.layer.RateReadout;
import org.myelin.train.layer.SpikingLayer;
import org.myelin.train.loss.CrossEntropy;
import org.myelin.train.loss.TimeReduction;
import org.myelin.train.network.Sequential;
import org.myelin.train.surrogate.PiecewiseLinear;
import org.myelin.util.ModelException;

class TrainingSpecTest
{
    private static final String CUE = """
        name: cues
        epochs: 5
        batchSize: 64
        dt: 1 ms
        task: {model: CueAccumulation, samples: 20, testSamples: 4, seed: 3}
        network:
          - layer: ALIF
            name: rec
            size: 6
            parameters: {vRest: 0 mV, vTh: 0.6 mV, vReset: 0 mV, tauM: 20 ms, tauA: 2 s, beta: 0.07 mV, tRef: 5 ms,
                         integrator: euler}
            beta: [0 mV, 0 mV, 0 mV, 0.07 mV, 0.07 mV, 0.07 mV]
            reset: subtract
            recurrent: true
            excitatory: 4
            surrogate: {model: PiecewiseLinear, alpha: 0.3, width: 1}
          - {layer: RateReadout, name: out, size: 2, tau: 20 ms}
        loss: {model: CrossEntropy, over: mean, window: [-150, 0]}
        regularizers: [{layer: rec, target: 10 Hz, strength: 1e-6}]
        optimizer: {model: Adam, lr: 0.005}
        schedule: {model: Step, stepSize: 2, gamma: 0.5}
        """;

    @Test
    void specificationShouldBuildTheNetworkTaskLossAndOptimiserItDescribes()
    {
        final TrainingSpec spec = TrainingSpec.parse("cues.yaml", CUE);
        assertThat(spec.name()).isEqualTo("cues");
        assertThat(spec.epochs()).isEqualTo(5);
        assertThat(spec.loss()).isEqualTo(new CrossEntropy(new TimeReduction(TimeReduction.Kind.MEAN, -150, 0)));
        final TrainingSpec.Datasets data = spec.task().generate(spec.dt());
        assertThat(data.train().size()).isEqualTo(20);
        assertThat(data.test().size()).isEqualTo(4);
        assertThat(data.train().steps()).isEqualTo(2250);
        final Sequential net = spec.network(data.train().units());
        final SpikingLayer rec = (SpikingLayer) net.layer("rec");
        assertThat(rec.alifParameters().tauA()).isEqualTo(2000.0);
        assertThat(rec.alifParameters().integrator()).isEqualTo(Integrator.EULER);
        assertThat(rec.beta()).containsExactly(0, 0, 0, 0.07, 0.07, 0.07);
        assertThat(rec.reset()).isEqualTo(SpikingLayer.Reset.SUBTRACT);
        assertThat(rec.surrogate()).isEqualTo(new PiecewiseLinear(0.3, 1));
        assertThat(rec.recurrentWeights().signs()).containsExactly(1, 1, 1, 1, -1, -1);
        assertThat(((RateReadout) net.layer("out")).tau()).isEqualTo(20.0);
        assertThat(spec.trainer(net, data, 1).optimizer().describe()).startsWith("Adam(lr=0.005");
        assertThat(spec.schedule().rate(0.005, 2)).isEqualTo(0.0025);
    }

    @Test
    void badEntriesShouldGiveFileLineAndColumnWithTheRule()
    {
        assertThatThrownBy(() -> TrainingSpec.parse("s.yaml", CUE.replace("tauA: 2 s", "tauA: 2 mV")))
            .isInstanceOf(ModelException.class)
            .hasMessageStartingWith("s.yaml:10:")
            .hasMessageContaining("tauA");
        assertThatThrownBy(() -> TrainingSpec.parse("s.yaml", CUE.replace("lr: 0.005", "lr: -1")))
            .hasMessage("s.yaml:20:30: Adam: lr must be >= 0 and finite, got lr=-1");
        assertThatThrownBy(() -> TrainingSpec.parse("s.yaml", CUE.replace("layer: ALIF", "layer: HH")))
            .hasMessageStartingWith("s.yaml:7:12: network: layer must be one of LIF, ALIF, RateReadout, SpikeReadout, "
                + "Linear, RNN, GRU, MGU, LSTM, got 'HH'");
        assertThatThrownBy(() -> TrainingSpec.parse("s.yaml", CUE.replace("over: mean", "over: median")))
            .hasMessageStartingWith("s.yaml:18:").hasMessageContaining("over must be one of max, sum, mean, last, every");
        assertThatThrownBy(() -> TrainingSpec.parse("s.yaml", CUE.replace("model: PiecewiseLinear, alpha: 0.3",
            "model: PiecewiseLinear, alpha: -0.3")))
            .hasMessageContaining("PiecewiseLinear surrogate: alpha must be > 0 and finite, got alpha=-0.3");
        assertThatThrownBy(() -> TrainingSpec.parse("s.yaml", CUE.replace("epochs: 5", "epoch: 5")))
            .hasMessageContaining("epoch");
    }
}
