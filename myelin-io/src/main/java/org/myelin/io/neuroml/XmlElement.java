package org.myelin.io.neuroml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;

import org.myelin.io.ModelFileException;
import org.myelin.units.Dimension;
import org.myelin.units.Units;
import org.myelin.util.ModelException;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * An XML element with its attributes, children and place in the file (read with SAX, which
 * knows lines), so every NeuroML error can say {@code file:line:column}. Namespace prefixes are
 * dropped: {@code <nml:iafCell>} is {@code iafCell}.
 */
final class XmlElement
{
    private final String file;
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlElement> children = new ArrayList<>();
    private final int line;
    private final int column;

    private XmlElement(final String file, final String name, final Map<String, String> attributes, final int line,
        final int column)
    {
        this.file = file;
        this.name = name;
        this.attributes = attributes;
        this.line = line;
        this.column = column;
    }

    /**
     * Parses a document; external entities and DTDs are refused.
     *
     * @throws ModelFileException if the XML is malformed.
     */
    static XmlElement parse(final String file, final InputStream in) throws IOException
    {
        final SAXParserFactory factory = SAXParserFactory.newInstance();
        factory.setNamespaceAware(true);
        final Deque<XmlElement> open = new ArrayDeque<>();
        final XmlElement[] root = new XmlElement[1];
        try
        {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            final SAXParser parser = factory.newSAXParser();
            parser.parse(in, new DefaultHandler()
            {
                private Locator locator;

                @Override
                public void setDocumentLocator(final Locator value)
                {
                    this.locator = value;
                }

                @Override
                public void startElement(final String uri, final String localName, final String qName,
                    final Attributes attrs)
                {
                    final Map<String, String> map = new LinkedHashMap<>();
                    for (int k = 0; k < attrs.getLength(); k++)
                    {
                        final String key = attrs.getLocalName(k).isEmpty() ? attrs.getQName(k) : attrs.getLocalName(k);
                        map.put(key, attrs.getValue(k));
                    }
                    final String local = localName.isEmpty() ? qName.substring(qName.indexOf(':') + 1) : localName;
                    final XmlElement e = new XmlElement(file, local, Collections.unmodifiableMap(map),
                        locator == null ? 0 : locator.getLineNumber(), locator == null ? 0 : locator.getColumnNumber());
                    if (open.isEmpty())
                    {
                        root[0] = e;
                    }
                    else
                    {
                        open.peek().children.add(e);
                    }
                    open.push(e);
                }

                @Override
                public void endElement(final String uri, final String localName, final String qName)
                {
                    open.pop();
                }
            });
        }
        catch (final SAXParseException e)
        {
            throw new ModelFileException(file, e.getLineNumber(), e.getColumnNumber(), "malformed XML: "
                + e.getMessage(), e);
        }
        catch (final SAXException | ParserConfigurationException e)
        {
            throw new ModelFileException(file, 0, 0, "malformed XML: " + e.getMessage(), e);
        }
        if (root[0] == null)
        {
            throw new ModelFileException(file, 0, 0, "the file holds no XML element", null);
        }
        return root[0];
    }

    /** The element's name without a namespace prefix. */
    String name()
    {
        return name;
    }

    /** The child elements in file order. */
    List<XmlElement> children()
    {
        return Collections.unmodifiableList(children);
    }

    /** The attribute, or null. */
    String attribute(final String key)
    {
        return attributes.get(key);
    }

    /** The attribute, which must be present. */
    String require(final String key)
    {
        final String value = attributes.get(key);
        if (value == null || value.isBlank())
        {
            throw error("<" + name + describeId() + "> needs the attribute " + key);
        }
        return value.strip();
    }

    /**
     * A quantity attribute in the engine's canonical unit; NeuroML's unit names with {@code per}
     * ({@code per_ms}, {@code nS_per_mV}) are read as {@code 1/ms}, {@code nS/mV}.
     */
    double quantity(final String key, final Dimension dimension)
    {
        final String text = require(key).replace("_per_", "/").replaceFirst("(?<=[0-9.])\\s*per_", " 1/");
        try
        {
            return Units.parse(name + describeId(), key, text, dimension);
        }
        catch (final ModelException e)
        {
            throw error(e.getMessage(), e);
        }
    }

    /** A plain number attribute (no unit). */
    double number(final String key)
    {
        final String text = require(key);
        try
        {
            final double value = Double.parseDouble(text);
            if (Double.isFinite(value))
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw error("<" + name + describeId() + ">: " + key + " must be a number, got " + key + "=" + text);
    }

    /** A whole-number attribute. */
    int integer(final String key, final int min)
    {
        final String text = require(key);
        try
        {
            final int value = Integer.parseInt(text);
            if (value >= min)
            {
                return value;
            }
        }
        catch (final NumberFormatException e)
        {
            // reported below
        }
        throw error("<" + name + describeId() + ">: " + key + " must be a whole number >= " + min + ", got " + key
            + "=" + text);
    }

    private String describeId()
    {
        final String id = attributes.get("id");
        return id == null ? "" : " id=\"" + id + "\"";
    }

    /** An error located at this element. */
    ModelFileException error(final String message)
    {
        return new ModelFileException(file, line, column, message, null);
    }

    /** An error located at this element, rewording a model's error. */
    ModelFileException error(final String message, final Throwable cause)
    {
        return new ModelFileException(file, line, column, message, cause);
    }
}
