package org.myelin.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.myelin.io.model.Recording;
import org.myelin.util.ModelException;

class RunInfoTest
{
    @Test
    void runInfoReadsBackWhatWasWrittenEvenWithQuotesInNames(@TempDir final Path dir) throws IOException
    {
        final RunInfo info = new RunInfo("it's a model", 0.025, 1500, List.of(new RunInfo.Population("E'x", 0, 30,
            false), new RunInfo.Population("I", 30, 10, true)), List.of(new RunInfo.State("E'x", "g_P->E",
                "states_E_x_g_P-_E", "")));
        info.write(dir);
        assertThat(RunInfo.read(dir)).isEqualTo(info);
        assertThat(info.neuronCount()).isEqualTo(40);
        assertThat(info.recorded()).extracting(RunInfo.Population::name).containsExactly("I");
        assertThat(info.offsets()).containsExactly(0, 30, 40);
    }

    @Test
    void aFolderWithoutARunIsNamed(@TempDir final Path dir)
    {
        assertThatThrownBy(() -> SavedRun.read(dir)).isInstanceOf(ModelException.class)
            .hasMessage(dir + ": no saved run here (run-info.yaml is missing); write one with 'myelin run --out "
                + dir + "'");
    }

    @Test
    void recordingKeepsWhatTheWordsName()
    {
        final Recording r = Recording.parse(List.of("I", "states"), List.of("E", "I"));
        assertThat(r.spikes("E")).isFalse();
        assertThat(r.spikes("I")).isTrue();
        assertThat(r.states("E")).isTrue();
        final Recording none = Recording.parse(List.of("none"), List.of("E"));
        assertThat(none.spikes("E")).isFalse();
        assertThat(none.states("E")).isFalse();
        assertThat(Recording.ALL.spikes("anything")).isTrue();
    }
}
