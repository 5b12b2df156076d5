package io.cpy2j.demo.modern;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a sieve's matrix as a PNG in the master, as cpy2py's example draws it with matplotlib's
 * {@code matshow} in CPython: primes bright on the "copper" colour map, the runtime and time in red below.
 */
public final class SieveImage {

    /** matplotlib's copper at 0 and at 1. */
    static final Color COMPOSITE = new Color(0, 0, 0);
    static final Color PRIME = new Color(255, 199, 127);
    private static final int MATRIX_SIZE = 600;
    private static final int MARGIN = 24;

    private SieveImage() {
    }

    public static byte[] png(SieveResult result) {
        BufferedImage matrix = matrix(result.rows());
        int scale = Math.max(1, MATRIX_SIZE / Math.max(matrix.getWidth(), matrix.getHeight()));
        int width = matrix.getWidth() * scale + 2 * MARGIN;
        // Text grows with the picture, so it stays readable when the page shrinks a large matrix to fit.
        int fontSize = Math.max(16, width / 40);
        int height = matrix.getHeight() * scale + 2 * MARGIN + 3 * fontSize;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            // Nearest neighbour keeps every number a crisp square when the matrix is scaled up.
            g.drawImage(matrix, MARGIN, MARGIN, matrix.getWidth() * scale, matrix.getHeight() * scale, null);
            caption(g, result, MARGIN, matrix.getHeight() * scale + MARGIN, fontSize);
        } finally {
            g.dispose();
        }
        return encode(image);
    }

    private static BufferedImage matrix(byte[][] rows) {
        int columns = rows.length == 0 ? 1 : rows[0].length;
        BufferedImage matrix = new BufferedImage(columns, Math.max(1, rows.length), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < columns; x++) {
                boolean prime = x < rows[y].length && rows[y][x] == 1;
                matrix.setRGB(x, y, (prime ? PRIME : COMPOSITE).getRGB());
            }
        }
        return matrix;
    }

    private static void caption(Graphics2D g, SieveResult result, int x, int top, int fontSize) {
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.RED);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
        g.drawString(String.format(Locale.ROOT, "Java %s (%s) in %.1f ms", result.javaVersion(),
                result.javaVendor(), result.nanos() / 1e6), x, top + fontSize * 5 / 4);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize * 4 / 5));
        g.drawString(String.format(Locale.ROOT, "%,d primes below %,d; drawn by the master on Java %s",
                result.primes(), result.limit(), Runtime.version()), x, top + fontSize * 5 / 2);
    }

    private static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
