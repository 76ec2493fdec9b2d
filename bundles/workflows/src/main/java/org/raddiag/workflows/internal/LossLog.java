package org.raddiag.workflows.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.raddiag.metrics.LossCurvePlot.Point;

/**
 * The loss curves of a run folder's metrics log ({@code metrics.jsonl}, one JSON object per line:
 * {@code {"type":"step","step":N,"loss":X,...}} and {@code {"type":"epoch","step":N,"trainLoss":X,"valLoss":Y}},
 * as the trainer writes it). Lines that are not such objects (a torn last line after a kill) are skipped.
 */
record LossLog(List<Point> steps, List<Point> trainEpochs, List<Point> valEpochs) {
    static final String FILE = "metrics.jsonl";

    static LossLog read(Path runFolder) throws IOException {
        List<Point> steps = new ArrayList<>();
        List<Point> train = new ArrayList<>();
        List<Point> val = new ArrayList<>();
        Path f = runFolder.resolve(FILE);
        if (Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                JsonObject o;
                try {
                    o = JsonParser.parseString(line).getAsJsonObject();
                } catch (RuntimeException e) {
                    continue;
                }
                String type = o.has("type") ? o.get("type").getAsString() : "";
                double step = number(o.get("step"));
                if (type.equals("step")) {
                    steps.add(new Point(step, number(o.get("loss"))));
                } else if (type.equals("epoch")) {
                    train.add(new Point(step, number(o.get("trainLoss"))));
                    val.add(new Point(step, number(o.get("valLoss"))));
                }
            }
        }
        return new LossLog(steps, train, val);
    }

    private static double number(JsonElement e) {
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber() ? Double.NaN
                : e.getAsDouble();
    }
}
