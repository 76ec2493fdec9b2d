package org.raddiag.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.raddiag.support.files.DurableFiles;

/**
 * The loss curve as a self-contained SVG ({@code loss-curve.svg}) and, where Java2D is available, a PNG
 * ({@code loss-curve.png}), both replaced atomically: training loss per step (grey), mean training loss per epoch
 * (blue dots) and validation loss per epoch (orange dots) against the global step.
 */
public final class LossCurvePlot {
    static final int W = 720;
    static final int H = 400;
    static final int L = 70;
    static final int R = 20;
    static final int T = 30;
    static final int B = 50;

    /** A point (global step, loss). */
    public record Point(double step, double loss) {
    }

    private LossCurvePlot() {
    }

    /** Writes both files into {@code dir}; the PNG is skipped silently if Java2D/ImageIO fail. */
    public static void write(Path dir, List<Point> steps, List<Point> trainEpochs, List<Point> valEpochs)
            throws IOException {
        Frame f = Frame.of(steps, trainEpochs, valEpochs);
        DurableFiles.write(dir.resolve("loss-curve.svg"), svg(f, steps, trainEpochs, valEpochs)
                .getBytes(StandardCharsets.UTF_8));
        byte[] png;
        try {
            png = png(f, steps, trainEpochs, valEpochs);
        } catch (Throwable e) {
            png = null;
        }
        if (png != null) {
            DurableFiles.write(dir.resolve("loss-curve.png"), png);
        }
    }

    /** The plot as SVG text (an {@code <svg>} element, for a file or inline in HTML) titled {@code title}. */
    public static String svg(String title, List<Point> steps, List<Point> trainEpochs, List<Point> valEpochs) {
        return svg(Frame.of(steps, trainEpochs, valEpochs), steps, trainEpochs, valEpochs)
                .replace(">RadDiag training loss<", ">" + org.raddiag.metrics.internal.Html.esc(title) + "<");
    }

    /** Data ranges and the mapping to pixels. */
    record Frame(double x0, double x1, double y0, double y1) {
        static Frame of(List<Point> a, List<Point> b, List<Point> c) {
            double x0 = Double.POSITIVE_INFINITY;
            double x1 = Double.NEGATIVE_INFINITY;
            double y0 = Double.POSITIVE_INFINITY;
            double y1 = Double.NEGATIVE_INFINITY;
            for (List<Point> l : List.of(a, b, c)) {
                for (Point p : l) {
                    if (Double.isFinite(p.loss())) {
                        x0 = Math.min(x0, p.step());
                        x1 = Math.max(x1, p.step());
                        y0 = Math.min(y0, p.loss());
                        y1 = Math.max(y1, p.loss());
                    }
                }
            }
            if (x0 > x1) {
                return new Frame(0, 1, 0, 1);
            }
            if (x1 - x0 < 1e-12) {
                x1 = x0 + 1;
            }
            if (y1 - y0 < 1e-12) {
                y1 = y0 + 1;
            }
            return new Frame(x0, x1, Math.min(0, y0), y1 * 1.05);
        }

        double px(double x) {
            return L + (x - x0) / (x1 - x0) * (W - L - R);
        }

        double py(double y) {
            return H - B - (y - y0) / (y1 - y0) * (H - T - B);
        }
    }

    static String svg(Frame f, List<Point> steps, List<Point> trainEpochs, List<Point> valEpochs) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\">RadDiag training loss</text>%n", L));
        s.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" stroke=\"black\" fill=\"none\"/>%n", L, T,
                H - B, W - R));
        for (int i = 0; i <= 4; i++) {
            double y = f.y0() + (f.y1() - f.y0()) * i / 4;
            double x = f.x0() + (f.x1() - f.x0()) * i / 4;
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.4g</text>%n",
                    L - 5, f.py(y) + 4, y));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f</text>%n",
                    f.px(x), H - B + 16, x));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">step</text>%n",
                (W + L) / 2, H - 12));
        if (!steps.isEmpty()) {
            s.append("<polyline fill=\"none\" stroke=\"#999999\" stroke-width=\"1\" points=\"");
            for (Point p : steps) {
                if (Double.isFinite(p.loss())) {
                    s.append(String.format(Locale.ROOT, "%.1f,%.1f ", f.px(p.step()), f.py(p.loss())));
                }
            }
            s.append("\"/>\n");
        }
        dots(s, f, trainEpochs, "#1f77b4");
        dots(s, f, valEpochs, "#ff7f0e");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#999999\">step loss</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#1f77b4\">epoch train</text>"
                + "<text x=\"%d\" y=\"%d\" fill=\"#ff7f0e\">epoch validation</text>%n", W - 330, 20, W - 250, 20,
                W - 160, 20));
        s.append("</svg>\n");
        return s.toString();
    }

    private static void dots(StringBuilder s, Frame f, List<Point> pts, String color) {
        for (Point p : pts) {
            if (Double.isFinite(p.loss())) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>%n",
                        f.px(p.step()), f.py(p.loss()), color));
            }
        }
    }

    static byte[] png(Frame f, List<Point> steps, List<Point> trainEpochs, List<Point> valEpochs)
            throws IOException {
        var img = new java.awt.image.BufferedImage(W, H, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, W, H);
            g.setColor(java.awt.Color.BLACK);
            g.drawLine(L, T, L, H - B);
            g.drawLine(L, H - B, W - R, H - B);
            g.setColor(new java.awt.Color(0x99, 0x99, 0x99));
            Point prev = null;
            for (Point p : steps) {
                if (!Double.isFinite(p.loss())) {
                    continue;
                }
                if (prev != null) {
                    g.drawLine((int) f.px(prev.step()), (int) f.py(prev.loss()), (int) f.px(p.step()),
                            (int) f.py(p.loss()));
                }
                prev = p;
            }
            pngDots(g, f, trainEpochs, new java.awt.Color(0x1f, 0x77, 0xb4));
            pngDots(g, f, valEpochs, new java.awt.Color(0xff, 0x7f, 0x0e));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!javax.imageio.ImageIO.write(img, "png", out)) {
            return null;
        }
        return out.toByteArray();
    }

    private static void pngDots(java.awt.Graphics2D g, Frame f, List<Point> pts, java.awt.Color c) {
        g.setColor(c);
        for (Point p : pts) {
            if (Double.isFinite(p.loss())) {
                g.fillOval((int) f.px(p.step()) - 4, (int) f.py(p.loss()) - 4, 8, 8);
            }
        }
    }
}
