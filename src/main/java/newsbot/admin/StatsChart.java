package newsbot.admin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Draws the {@code /stats} chart with Java2D into a PNG: two panels, each with a title and labelled axes. */
final class StatsChart {

    static final int WIDTH = 1000;
    static final int HEIGHT = 800;

    static {
        // The bot runs on servers without a display; Java2D only needs that said before AWT first loads.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int BOTTOM = 75;
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
    private static final Color LINE = new Color(0x2E, 0x7D, 0x32);
    private static final Color BAR = new Color(0x1E, 0x63, 0xB4);

    /**
     * One panel's data.
     *
     * @param ticks one label per point, empty where none is shown
     * @param bars  bars rather than a line
     */
    record Series(String title, String xLabel, String yLabel, List<String> ticks, List<Integer> values, boolean bars) {

        Series {
            if (ticks.size() != values.size()) {
                throw new IllegalArgumentException("one tick label per value");
            }
            ticks = List.copyOf(ticks);
            values = List.copyOf(values);
        }
    }

    byte[] render(Series top, Series bottom) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            panel(g, top, 0, HEIGHT / 2);
            panel(g, bottom, HEIGHT / 2, HEIGHT / 2);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
        // in memory: ImageIO's default file cache needs a writable temp directory, which a locked-down
        // container may not have (seen as "IOException: closed" from FileCacheImageOutputStream)
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(png)) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return png.toByteArray();
    }

    private static void panel(Graphics2D g, Series s, int y0, int height) {
        int plotX = LEFT;
        int plotY = y0 + TOP;
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = height - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        centered(g, s.title(), WIDTH / 2, y0 + 30);

        int max = s.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int step = niceStep(Math.max(1, max) / 5.0);
        // as many grid lines as the data needs: a round step, the top line just above the highest value
        int lines = Math.max(1, (Math.max(1, max) + step - 1) / step);
        int yMax = step * lines;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int k = 0; k <= lines; k++) {
            int y = plotY + plotH - plotH * k / lines;
            g.setColor(GRID);
            g.drawLine(plotX, y, plotX + plotW, y);
            g.setColor(Color.BLACK);
            String label = Integer.toString(step * k);
            g.drawString(label, plotX - 8 - fm.stringWidth(label), y + fm.getAscent() / 2 - 1);
        }

        int n = s.values().size();
        double slot = n == 0 ? plotW : plotW / (double) n;
        int prevX = -1;
        int prevY = -1;
        int labelsEndX = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int value = s.values().get(i);
            int cx = (int) Math.round(plotX + (i + 0.5) * slot);
            int y = plotY + plotH - (int) Math.round(plotH * (value / (double) yMax));
            if (s.bars()) {
                int w = Math.max(1, (int) (slot * 0.7));
                g.setColor(BAR);
                g.fillRect(cx - w / 2, y, w, plotY + plotH - y);
            } else {
                g.setColor(LINE);
                g.setStroke(new BasicStroke(2.5f));
                if (prevX >= 0) {
                    g.drawLine(prevX, prevY, cx, y);
                }
                g.fillOval(cx - 3, y - 3, 7, 7);
                g.setStroke(new BasicStroke(1f));
                prevX = cx;
                prevY = y;
            }
            String tick = s.ticks().get(i);
            int half = fm.stringWidth(tick) / 2;
            // a label that would touch the previous one is left out: 30 dates or 48 hours never fit side by side
            if (!tick.isEmpty() && cx - half > labelsEndX + 8) {
                g.setColor(Color.BLACK);
                g.drawLine(cx, plotY + plotH, cx, plotY + plotH + 4);
                centered(g, tick, cx, plotY + plotH + 18);
                labelsEndX = cx + half;
            }
        }

        g.setColor(Color.BLACK);
        g.drawLine(plotX, plotY, plotX, plotY + plotH);
        g.drawLine(plotX, plotY + plotH, plotX + plotW, plotY + plotH);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        centered(g, s.xLabel(), plotX + plotW / 2, y0 + height - 22);
        AffineTransform saved = g.getTransform();
        g.rotate(-Math.PI / 2, 22, plotY + plotH / 2.0);
        centered(g, s.yLabel(), 22, plotY + plotH / 2 + 5);
        g.setTransform(saved);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}: grid lines at round numbers. */
    static int niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(Math.max(raw, 1))));
        for (int m : new int[] {1, 2, 5, 10}) {
            if (m * power >= raw) {
                return (int) Math.max(1, m * power);
            }
        }
        return (int) (10 * power);
    }

    private static void centered(Graphics2D g, String text, int cx, int baseline) {
        g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
    }
}
