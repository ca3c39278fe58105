package org.myelin.io.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.myelin.io.Suggestions;
import org.myelin.util.ModelException;

/**
 * Which recordings of a run to keep ({@code myelin run --record}): a list of words, each
 * {@code all}, {@code none}, {@code spikes} (every population's spikes), {@code states} (every
 * state monitor) or a population's name (its spikes and state monitors).
 */
public final class Recording
{
    /** Keep everything the model monitors. */
    public static final Recording ALL = new Recording(true, true, Set.of());

    private static final List<String> WORDS = List.of("all", "none", "spikes", "states");

    private final boolean spikes;
    private final boolean states;
    private final Set<String> populations;

    private Recording(final boolean spikes, final boolean states, final Set<String> populations)
    {
        this.spikes = spikes;
        this.states = states;
        this.populations = populations;
    }

    /**
     * Reads the words.
     *
     * @param words       the words, e.g. {@code [spikes]} or {@code [E, states]}.
     * @param populations the network's population names.
     * @throws ModelException naming an unknown word, with a "did you mean" hint.
     */
    public static Recording parse(final List<String> words, final Collection<String> populations)
    {
        boolean spikes = false;
        boolean states = false;
        final List<String> chosen = new ArrayList<>();
        for (final String raw : words)
        {
            final String word = raw.strip();
            switch (word)
            {
                case "all" ->
                {
                    spikes = true;
                    states = true;
                }
                case "none" ->
                {
                    // nothing more
                }
                case "spikes" -> spikes = true;
                case "states" -> states = true;
                default ->
                {
                    if (!populations.contains(word))
                    {
                        final List<String> known = new ArrayList<>(WORDS);
                        known.addAll(populations);
                        throw new ModelException("--record: unknown '" + word + "'; use all, none, spikes, states or a"
                            + " population" + Suggestions.hint(word, known));
                    }
                    chosen.add(word);
                }
            }
        }
        return new Recording(spikes, states, Set.copyOf(chosen));
    }

    /** Whether to record the spikes of {@code population}. */
    public boolean spikes(final String population)
    {
        return spikes || populations.contains(population);
    }

    /** Whether to keep the state monitors of {@code population}. */
    public boolean states(final String population)
    {
        return states || populations.contains(population);
    }
}
