package io.rateguard.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The server's requests per second over time, one line per variant, one panel per thread count,
 * with the limit L drawn across. Plain Java2D, headless: no network, no charting library.
 */
final class RateChart {

    private static final int WIDTH = 1100;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 70;
    private static final int RIGHT = 290;
    private static final int TOP = 50;
    private static final int GAP = 45;
    private static final Color[] COLORS = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x17becf)};

    private RateChart() {
    }

    /** @param panels per thread count, the figures of each variant in run order */
    static void write(Path png, Map<Integer, List<RunFigures>> panels, double limitPerSecond, String title)
            throws IOException {
        int height = TOP + panels.size() * (PANEL_HEIGHT + GAP) + 10;
        BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 28);

        long maxSeconds = 1;
        long maxRate = Math.round(limitPerSecond * 1.2);
        for (List<RunFigures> runs : panels.values()) {
            for (RunFigures r : runs) {
                maxSeconds = Math.max(maxSeconds, r.perSecond().size());
                maxRate = Math.max(maxRate, r.perSecond().stream().mapToLong(Long::longValue).max().orElse(0));
            }
        }
        // an unpaced start (hundreds in one second) would flatten every other line: clip at 3 x L
        // and print the clipped value at the top instead
        maxRate = Math.min(maxRate, Math.round(limitPerSecond * 3));
        int y = TOP;
        for (Map.Entry<Integer, List<RunFigures>> panel : panels.entrySet()) {
            drawPanel(g, y, panel.getKey(), panel.getValue(), limitPerSecond, maxSeconds, niceCeiling(maxRate));
            y += PANEL_HEIGHT + GAP;
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(img, "png", png.toFile());
    }

    private static void drawPanel(Graphics2D g, int top, int threads, List<RunFigures> runs, double limit,
                                  long maxSeconds, long maxRate) {
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = PANEL_HEIGHT - 40;
        int x0 = LEFT;
        int y0 = top + 20 + plotH;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.setColor(Color.BLACK);
        g.drawString(threads + " threads: requests per second at the server", x0, top + 12);

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        long yStep = Math.max(1, niceCeiling(maxRate / 5));
        for (long v = 0; v <= maxRate; v += yStep) {
            int yy = y0 - (int) Math.round(v * plotH / (double) maxRate);
            g.setColor(new Color(0xe8e8e8));
            g.drawLine(x0, yy, x0 + plotW, yy);
            g.setColor(Color.DARK_GRAY);
            String label = Long.toString(v);
            g.drawString(label, x0 - 6 - fm.stringWidth(label), yy + 4);
        }
        long xStep = Math.max(1, niceCeiling(maxSeconds / 10));
        for (long s = 0; s <= maxSeconds; s += xStep) {
            int xx = x0 + (int) Math.round(s * plotW / (double) maxSeconds);
            g.setColor(Color.DARK_GRAY);
            g.drawLine(xx, y0, xx, y0 + 4);
            String label = s + " s";
            g.drawString(label, xx - fm.stringWidth(label) / 2, y0 + 16);
        }
        g.setColor(Color.BLACK);
        g.drawLine(x0, y0, x0 + plotW, y0);
        g.drawLine(x0, y0, x0, y0 - plotH);

        int yl = y0 - (int) Math.round(limit * plotH / maxRate);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
        g.drawLine(x0, yl, x0 + plotW, yl);
        g.drawString(String.format(Locale.ROOT, "L = %.0f/s", limit), x0 + plotW + 6, yl + 4);

        int legendY = top + 30;
        for (int i = 0; i < runs.size(); i++) {
            RunFigures r = runs.get(i);
            Color c = COLORS[r.variant().ordinal() % COLORS.length];
            g.setColor(c);
            g.setStroke(new BasicStroke(2f));
            List<Long> pts = r.perSecond();
            // each count belongs to its whole second: plot it at the second's middle
            for (int k = 1; k < pts.size(); k++) {
                g.drawLine(xAt(k - 1, x0, plotW, maxSeconds), yAt(pts.get(k - 1), y0, plotH, maxRate),
                        xAt(k, x0, plotW, maxSeconds), yAt(pts.get(k), y0, plotH, maxRate));
            }
            for (int k = 0; k < pts.size(); k++) {
                if (pts.get(k) > maxRate) {
                    g.drawString(Long.toString(pts.get(k)), xAt(k, x0, plotW, maxSeconds) + 4, y0 - plotH + 12 + 12 * i);
                }
            }
            if (pts.size() == 1) {
                g.fillOval(xAt(0, x0, plotW, maxSeconds) - 3, yAt(pts.get(0), y0, plotH, maxRate) - 3, 6, 6);
            }
            int lx = x0 + plotW + 60;
            g.drawLine(lx, legendY + i * 18 - 4, lx + 22, legendY + i * 18 - 4);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%s (%d x 429)", r.variant().id(), r.server429()),
                    lx + 28, legendY + i * 18);
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static int xAt(int second, int x0, int plotW, long maxSeconds) {
        return x0 + (int) Math.round((second + 0.5) * plotW / maxSeconds);
    }

    private static int yAt(long rate, int y0, int plotH, long maxRate) {
        return y0 - (int) Math.round(Math.min(rate, maxRate) * plotH / (double) maxRate);
    }

    /** 1, 2, 5 x 10^n at or above v. */
    static long niceCeiling(long v) {
        if (v <= 1) {
            return 1;
        }
        long p = 1;
        while (p * 10 < v) {
            p *= 10;
        }
        for (long m : new long[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
