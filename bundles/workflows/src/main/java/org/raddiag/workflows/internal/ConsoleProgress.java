package org.raddiag.workflows.internal;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;
import org.raddiag.api.train.TrainingListener;

/**
 * Training progress for a terminal: on a terminal one line {@code [#####.....] 45% step 90/200 epoch 2 loss 0.4123
 * 3.1 cases/s ETA 0:35} redrawn in place with {@code \r}; otherwise (a pipe, a log file) plain lines, at most
 * about 100 per run plus one per epoch. Step metrics read: {@code loss}, {@code casesPerSec}.
 */
public final class ConsoleProgress implements TrainingListener {
    private static final int BAR = 24;
    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoClock;
    private long startNanos = -1;
    private long firstStep;
    private boolean lineOpen;

    /** Progress on {@code System.out}, redrawn in place when a console is attached. */
    public ConsoleProgress() {
        this(System.out, System.console() != null, System::nanoTime);
    }

    public ConsoleProgress(PrintStream out, boolean terminal, LongSupplier nanoClock) {
        this.out = out;
        this.terminal = terminal;
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized void step(int epoch, long step, long totalSteps, Map<String, Double> metrics) {
        long now = nanoClock.getAsLong();
        if (startNanos < 0) {
            startNanos = now;
            firstStep = step - 1;
        }
        String line = line(epoch, step, totalSteps, metrics, (now - startNanos) / 1e9, step - firstStep);
        if (terminal) {
            out.print("\r" + line + "   ");
            lineOpen = true;
            out.flush();
        } else {
            long every = Math.max(1, totalSteps / 100);
            if (step % every == 0 || step == totalSteps || step == firstStep + 1) {
                out.println(line);
            }
        }
    }

    @Override
    public synchronized void epoch(int epoch, Map<String, Double> metrics) {
        if (lineOpen) {
            out.println();
            lineOpen = false;
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "epoch %d done:", epoch + 1));
        metrics.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.4g", k, v)));
        out.println(sb);
    }

    /** One progress line; {@code done} steps took {@code seconds}. */
    static String line(int epoch, long step, long total, Map<String, Double> m, double seconds, long done) {
        double frac = total <= 0 ? 0 : Math.min(1, (double) step / total);
        int fill = (int) Math.round(frac * BAR);
        String bar = "#".repeat(fill) + ".".repeat(BAR - fill);
        double perStep = done > 0 ? seconds / done : Double.NaN;
        double eta = perStep * (total - step);
        return String.format(Locale.ROOT, "[%s] %3d%% step %d/%d epoch %d loss %.4f %.2f cases/s ETA %s", bar,
                Math.round(frac * 100), step, total, epoch + 1, m.getOrDefault("loss", Double.NaN),
                m.getOrDefault("casesPerSec", Double.NaN), duration(eta));
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
