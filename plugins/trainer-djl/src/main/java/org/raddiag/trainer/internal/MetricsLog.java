package org.raddiag.trainer.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code metrics.jsonl}: one JSON object per line, {@code {"type":"step",...}} per optimisation step and
 * {@code {"type":"epoch",...}} per epoch, numbers only (NaN/infinite written as {@code null}). On resume the file is
 * cut back to its length at the checkpoint, so it never holds steps the resumed run repeats.
 */
public final class MetricsLog implements AutoCloseable {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(-?[0-9.eE+-]+|null|\"\\w+\")");
    private final Path file;
    private final FileChannel ch;

    public MetricsLog(Path file, long truncateTo) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (truncateTo >= 0) {
            ch.truncate(truncateTo);
        }
        ch.position(ch.size());
    }

    public Path file() {
        return file;
    }

    /** Appends one line. */
    public void append(String type, Map<String, ? extends Number> values) throws IOException {
        StringBuilder sb = new StringBuilder("{\"type\":\"").append(type).append('"');
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            sb.append(",\"").append(e.getKey()).append("\":").append(number(e.getValue()));
        }
        sb.append("}\n");
        var buf = java.nio.ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? Double.toString(d) : "null";
        }
        return n.toString();
    }

    /** Bytes written so far (the resume point of a checkpoint taken now). */
    public long size() throws IOException {
        ch.force(false);
        return ch.size();
    }

    /** Parses the lines of a metrics file into maps (values as doubles, NaN for null; "type" as 0 step / 1 epoch). */
    public static List<Map<String, Double>> read(Path file) throws IOException {
        List<Map<String, Double>> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            Matcher mt = FIELD.matcher(line);
            while (mt.find()) {
                String v = mt.group(2);
                m.put(mt.group(1), v.equals("null") ? Double.NaN : v.equals("\"step\"") ? 0.0
                        : v.equals("\"epoch\"") ? 1.0 : v.startsWith("\"") ? Double.NaN : Double.parseDouble(v));
            }
            if (!m.isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        ch.force(false);
        ch.close();
    }
}
