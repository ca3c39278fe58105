package org.myelin.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Test data and image probes shared by the plot tests.
 */
final class PlotFixtures
{
    /** Directory under the build output where tests leave sample PNGs for a human to look at. */
    static final Path SAMPLE_DIRECTORY = Path.of("target", "plot-samples");

    /** Spikes as a simulator records them: parallel arrays with spare capacity beyond {@code count}. */
    record Spikes(int[] steps, int[] neurons, int count)
    {
    }

    private PlotFixtures()
    {
    }

    /**
     * Poisson spikes whose rate is modulated at 10 Hz by +-50 % around {@code meanRateHz}, drawn by thinning.
     * The arrays have 1000 spare entries filled with an invalid neuron index (-1) so that reading past
     * {@code count} would fail.
     */
    static Spikes modulatedPoisson(
        final int nTotal, final double meanRateHz, final double durationMs, final double dtMs, final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double peakRatePerMs = 1.5 * meanRateHz / 1000.0;
        int[] steps = new int[1024];
        int[] neurons = new int[1024];
        int count = 0;
        for (int neuron = 0; neuron < nTotal; neuron++)
        {
            double t = 0;
            while (true)
            {
                t += -Math.log(1.0 - random.nextDouble()) / peakRatePerMs;
                if (t >= durationMs)
                {
                    break;
                }
                final double accept = (1.0 + 0.5 * Math.sin(2 * Math.PI * t / 100.0)) / 1.5;
                if (random.nextDouble() < accept)
                {
                    if (count == steps.length)
                    {
                        steps = Arrays.copyOf(steps, 2 * count);
                        neurons = Arrays.copyOf(neurons, 2 * count);
                    }
                    steps[count] = (int)(t / dtMs);
                    neurons[count] = neuron;
                    count++;
                }
            }
        }
        final int[] paddedSteps = Arrays.copyOf(steps, count + 1000);
        final int[] paddedNeurons = Arrays.copyOf(neurons, count + 1000);
        Arrays.fill(paddedNeurons, count, paddedNeurons.length, -1);
        return new Spikes(paddedSteps, paddedNeurons, count);
    }

    /** Pixels whose RGB equals {@code colour} exactly. */
    static int countExact(final BufferedImage image, final Color colour)
    {
        return countNear(image, colour, 0);
    }

    /** Pixels whose red, green and blue each differ from {@code colour} by at most {@code tolerance}. */
    static int countNear(final BufferedImage image, final Color colour, final int tolerance)
    {
        int matches = 0;
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                final int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xFF) - colour.getRed()) <= tolerance &&
                    Math.abs(((rgb >> 8) & 0xFF) - colour.getGreen()) <= tolerance &&
                    Math.abs((rgb & 0xFF) - colour.getBlue()) <= tolerance)
                {
                    matches++;
                }
            }
        }
        return matches;
    }

    /** A path in {@link #SAMPLE_DIRECTORY}, creating the directory. */
    static Path samplePath(final String fileName) throws IOException
    {
        return Files.createDirectories(SAMPLE_DIRECTORY).resolve(fileName);
    }
}
