package org.myelin.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our PNG files decoded by an independent decoder (ImageIO's) give back every pixel. */
class PngEncoderTest
{
    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_3BYTE_BGR})
    void noiseDecodesToTheSamePixelsWhateverTheImageStorage(final int type) throws IOException
    {
        // noise defeats compression, so the deflated rows span several IDAT chunks
        final BufferedImage image = new BufferedImage(301, 257, type);
        final SplittableRandom random = new SplittableRandom(7);
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                image.setRGB(x, y, 0xFF000000 | random.nextInt(1 << 24));
            }
        }
        final byte[] png = encode(image);
        assertThat(png.length).isGreaterThan(3 * (1 << 16));
        assertSamePixels(image, ImageIO.read(new ByteArrayInputStream(png)));
    }

    @Test
    void aPlotLikeImageDecodesToTheSamePixelsAndCompresses() throws IOException
    {
        // flat colour with lines, text and dots, as a raster is
        final BufferedImage image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
        final Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1200, 800);
        g.setColor(Color.BLACK);
        g.drawRect(60, 40, 1100, 700);
        g.drawString("time (ms)", 600, 780);
        final SplittableRandom random = new SplittableRandom(3);
        for (int k = 0; k < 20_000; k++)
        {
            image.setRGB(61 + random.nextInt(1099), 41 + random.nextInt(699), k % 2 == 0 ? 0xC0392B : 0x2471A3);
        }
        g.dispose();
        final byte[] png = encode(image);
        assertSamePixels(image, ImageIO.read(new ByteArrayInputStream(png)));
        assertThat(png.length).isLessThan(1200 * 800 * 3 / 10);
    }

    @Test
    void aSinglePixelImage() throws IOException
    {
        final BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x123456);
        assertSamePixels(image, ImageIO.read(new ByteArrayInputStream(encode(image))));
    }

    private static byte[] encode(final BufferedImage image) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PngEncoder.write(image, bytes);
        return bytes.toByteArray();
    }

    private static void assertSamePixels(final BufferedImage expected, final BufferedImage actual)
    {
        assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
        assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
        for (int y = 0; y < expected.getHeight(); y++)
        {
            for (int x = 0; x < expected.getWidth(); x++)
            {
                final int e = expected.getRGB(x, y) & 0xFFFFFF;
                final int a = actual.getRGB(x, y) & 0xFFFFFF;
                if (e != a)
                {
                    assertThat(Integer.toHexString(a)).as("pixel (%d, %d)", x, y).isEqualTo(Integer.toHexString(e));
                }
            }
        }
    }
}
