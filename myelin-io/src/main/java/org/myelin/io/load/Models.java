package org.myelin.io.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.myelin.io.model.ModelFile;
import org.myelin.io.model.ModelLoader;
import org.myelin.io.neuroml.LemsSimulation;
import org.myelin.io.neuroml.NeuroMLImporter;

/**
 * Loads a model file of any supported format: a YAML model file, a NeuroML 2 document
 * ({@code <neuroml>}, {@code .nml}) or a LEMS simulation file ({@code <Lems>}, such as jNeuroML's
 * {@code LEMS_x.xml}). An XML file is told by its root element, whatever its extension.
 */
public final class Models
{
    /** The first element of an XML document, after its declaration, comments and doctype. */
    private static final Pattern ROOT = Pattern.compile("\\A(?:\\s|<\\?.*?\\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*"
        + "<(?:[\\w.-]+:)?([\\w.-]+)", Pattern.DOTALL);
    private static final int SNIFF_BYTES = 1 << 16;

    private Models()
    {
    }

    /**
     * Loads the file with the loader its content needs.
     *
     * @param path      the file.
     * @param overrides values given outside the file.
     */
    public static ModelFile load(final Path path, final ModelLoader.Overrides overrides)
    {
        final String root = xmlRoot(path);
        final String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!overrides.settings().isEmpty() && (root != null || name.endsWith(".nml")))
        {
            throw new org.myelin.util.ModelException(path + ": --set replaces values of YAML model files; this is "
                + "a NeuroML or LEMS file (--dt, --duration and --seed apply to it)");
        }
        if ("Lems".equals(root))
        {
            return LemsSimulation.load(path, overrides, overrides.jlems());
        }
        if (root != null || name.endsWith(".nml"))
        {
            return NeuroMLImporter.load(path, overrides);
        }
        return ModelLoader.load(path, overrides);
    }

    /** True for a NeuroML or LEMS file (an XML document, or a {@code .nml} name), false for a YAML model file. */
    public static boolean isXml(final Path path)
    {
        return xmlRoot(path) != null || path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".nml");
    }

    /** The root element's name when the file starts as an XML document, else null. */
    static String xmlRoot(final Path path)
    {
        final byte[] start;
        try (InputStream in = Files.newInputStream(path))
        {
            start = in.readNBytes(SNIFF_BYTES);
        }
        catch (final IOException e)
        {
            return null; // the loader reports the file it cannot read
        }
        String text = new String(start, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF"))
        {
            text = text.substring(1);
        }
        final Matcher m = ROOT.matcher(text);
        return m.lookingAt() ? m.group(1) : null;
    }
}
