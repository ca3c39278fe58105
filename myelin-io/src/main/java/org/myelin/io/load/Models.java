package org.myelin.io.load;

import java.nio.file.Path;
import java.util.Locale;

import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.io.neuroml.NeuroMLImporter;

/** Loads a model file of any supported format, chosen by its extension. */
public final class Models
{
    private Models()
    {
    }

    /**
     * Loads {@code .nml} files with {@link NeuroMLImporter} and everything else as a YAML model file.
     *
     * @param path      the file.
     * @param overrides values given outside the file.
     */
    public static ModelFile load(final Path path, final ModelLoader.Overrides overrides)
    {
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".nml") || name.endsWith(".nml.xml") ? NeuroMLImporter.load(path, overrides)
            : ModelLoader.load(path, overrides);
    }
}
