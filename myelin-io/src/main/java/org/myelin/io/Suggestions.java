package org.myelin.io;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints from the edit distance between a misspelt name and the known ones. */
public final class Suggestions
{
    private Suggestions()
    {
    }

    /**
     * The known name closest to {@code given} (case-insensitive Damerau-Levenshtein distance), if
     * it is close enough to be a likely typo: at most 1 edit for names up to 4 characters, 2 up to
     * 8, 3 beyond; else null.
     */
    public static String closest(final String given, final Collection<String> known)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        final String g = given.toLowerCase(Locale.ROOT);
        for (final String k : known)
        {
            final int d = distance(g, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = k;
            }
        }
        final int allowed = given.length() <= 4 ? 1 : given.length() <= 8 ? 2 : 3;
        return best != null && bestDistance <= allowed ? best : null;
    }

    /**
     * The message tail for an unknown name: {@code "; did you mean 'x'? known: [a, b]"} or
     * {@code "; known: [a, b]"}.
     */
    public static String hint(final String given, final Collection<String> known)
    {
        final String best = closest(given, known);
        return (best == null ? "" : "; did you mean '" + best + "'?") + " known: " + String.join(", ", known);
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    public static int distance(final String a, final String b)
    {
        final int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++)
        {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++)
        {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1))
                {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
