package org.myelin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class ProgressTest
{
    private static final long SECOND = 1_000_000_000L;

    /** A clock the test moves by hand. */
    private static final class Clock
    {
        long now = 100 * SECOND;
    }

    @Test
    void aLogGetsAPlainLineEveryFiveSecondsWithThroughputAndEta()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Clock clock = new Clock();
        try (Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.1, true, false,
            () -> clock.now))
        {
            clock.now += 4 * SECOND;
            p.progress(4000, 20_000);
            assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
            clock.now += SECOND;
            p.progress(5000, 20_000); // 5 s for a quarter: 15 s to go
            clock.now += SECOND;
            p.progress(6000, 20_000);
            clock.now += 4 * SECOND;
            p.progress(10_000, 20_000);
            p.progress(20_000, 20_000);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
            "simulating  25 %, 0.50 of 2.00 s biological time, 0.10 bio-s/s, 1,000 steps/s, elapsed 0:05, ETA 0:15\n"
            + "simulating  50 %, 1.00 of 2.00 s biological time, 0.10 bio-s/s, 1,000 steps/s, elapsed 0:10, ETA 0:10\n");
    }

    @Test
    void aTerminalGetsOneLineRedrawnInPlaceAndErasedAtTheEnd()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Clock clock = new Clock();
        final Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.1, true, true,
            () -> clock.now);
        clock.now += SECOND / 2;
        p.progress(100, 1000);
        clock.now += SECOND * 3 / 2;
        p.progress(490, 1000);
        clock.now += SECOND / 10;
        p.progress(500, 1000); // within 0.2 s of the last frame: not drawn
        clock.now += SECOND;
        p.progress(750, 1000);
        p.close();
        p.close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
            "\rsimulating [============            ]  49 %, 0.05 of 0.10 s biological time, 0.02 bio-s/s, 245 steps/s, "
            + "elapsed 0:02, ETA 0:02\033[K"
            + "\rsimulating [==================      ]  75 %, 0.08 of 0.10 s biological time, 0.02 bio-s/s, 242 steps/s, "
            + "elapsed 0:03, ETA 0:01\033[K"
            + "\r\033[K");
    }

    @Test
    void noProgressMeansNoOutputAndShortRunsPrintNothing()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final Clock clock = new Clock();
        try (Progress off = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.1, false, true,
            () -> clock.now))
        {
            clock.now += 10 * SECOND;
            off.progress(10, 100);
        }
        try (Progress quick = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), 0.1, true, true,
            () -> clock.now))
        {
            clock.now += SECOND / 2;
            quick.progress(10, 100);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void clockTimeGrowsAnHourField()
    {
        assertThat(Progress.clockTime(59.4)).isEqualTo("0:59");
        assertThat(Progress.clockTime(3725)).isEqualTo("1:02:05");
    }
}
