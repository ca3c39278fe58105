package org.myelin.train.optim;

import org.myelin.util.Check;
import org.myelin.util.ModelException;

/**
 * The learning rate of each epoch from the initial rate {@code lr0} (PyTorch's
 * {@code StepLR}, {@code ExponentialLR} and {@code CosineAnnealingLR} in closed form; brainstate
 * {@code optim} schedulers).
 *
 * <pre>
 *   constant:     lr0
 *   step:         lr0 · γ^⌊e / stepSize⌋
 *   exponential:  lr0 · γ^e
 *   cosine:       ηmin + (lr0 − ηmin) · (1 + cos(π e / T)) / 2
 * </pre>
 * with e the epoch, counted from 0.
 *
 * @param kind     the schedule.
 * @param gamma    γ (step, exponential), in (0, 1].
 * @param stepSize epochs per step (step), {@code >= 1}.
 * @param period   T (cosine), {@code >= 1}.
 * @param minimum  ηmin (cosine), {@code >= 0}.
 */
public record LearningRateSchedule(Kind kind, double gamma, int stepSize, int period, double minimum)
{
    /** The schedules. */
    public enum Kind
    {
        /** The same rate every epoch. */
        CONSTANT,
        /** Multiplied by γ every stepSize epochs. */
        STEP,
        /** Multiplied by γ every epoch. */
        EXPONENTIAL,
        /** Half a cosine from lr0 down to ηmin over T epochs. */
        COSINE
    }

    /** Validates the settings of the kind. */
    public LearningRateSchedule
    {
        if (kind == null)
        {
            throw new ModelException("learning-rate schedule: the kind is required");
        }
        final String owner = kind.name().toLowerCase(java.util.Locale.ROOT) + " schedule";
        switch (kind)
        {
            case STEP ->
            {
                Check.inHalfOpenRange(owner, "gamma", gamma, 0, 1);
                Check.atLeast(owner, "stepSize", stepSize, 1);
            }
            case EXPONENTIAL -> Check.inHalfOpenRange(owner, "gamma", gamma, 0, 1);
            case COSINE ->
            {
                Check.atLeast(owner, "epochs", period, 1);
                Check.nonNegative(owner, "minimum", minimum, "");
            }
            default -> { }
        }
    }

    /** The same rate throughout. */
    public static LearningRateSchedule constant()
    {
        return new LearningRateSchedule(Kind.CONSTANT, 1, 1, 1, 0);
    }

    /** Multiplied by {@code gamma} every {@code stepSize} epochs. */
    public static LearningRateSchedule step(final int stepSize, final double gamma)
    {
        return new LearningRateSchedule(Kind.STEP, gamma, stepSize, 1, 0);
    }

    /** Multiplied by {@code gamma} every epoch. */
    public static LearningRateSchedule exponential(final double gamma)
    {
        return new LearningRateSchedule(Kind.EXPONENTIAL, gamma, 1, 1, 0);
    }

    /** Cosine annealing from lr0 to {@code minimum} over {@code epochs}. */
    public static LearningRateSchedule cosine(final int epochs, final double minimum)
    {
        return new LearningRateSchedule(Kind.COSINE, 1, 1, epochs, minimum);
    }

    /** The rate of epoch {@code epoch} (from 0). */
    public double rate(final double lr0, final int epoch)
    {
        return switch (kind)
        {
            case CONSTANT -> lr0;
            case STEP -> lr0 * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
            case EXPONENTIAL -> lr0 * Math.pow(gamma, epoch);
            case COSINE -> minimum + (lr0 - minimum) * (1 + Math.cos(Math.PI * epoch / period)) / 2;
        };
    }

    @Override
    public String toString()
    {
        return switch (kind)
        {
            case CONSTANT -> "constant";
            case STEP -> "step(stepSize=" + stepSize + ", gamma=" + gamma + ")";
            case EXPONENTIAL -> "exponential(gamma=" + gamma + ")";
            case COSINE -> "cosine(epochs=" + period + ", minimum=" + minimum + ")";
        };
    }
}
