package org.raddiag.trainer.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.raddiag.checkpoint.SafetensorsFile;
import org.raddiag.checkpoint.StateDict;
import org.raddiag.checkpoint.StreamedTensor;
import org.raddiag.support.files.DurableFiles;
import org.raddiag.support.files.DurableFiles.Existing;

/**
 * Checkpoint folders {@code <root>/ckpt-<global step>/} holding {@code model.safetensors} (reference-named
 * weights, BatchNorm statistics included), {@code optimizer.safetensors} (AdamW moments) and
 * {@code state.properties} ({@link TrainingPosition}, written last, {@code complete=true}). A checkpoint is written
 * into {@code .tmp-*} next to its target, fsynced and renamed atomically; older checkpoints are deleted only after
 * the rename. Loading takes the newest folder that is complete and readable, so folders left by a kill mid-write
 * (temporary or incomplete) are ignored.
 */
public final class CheckpointStore {
    public static final String MODEL = "model.safetensors";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "state.properties";
    private static final Pattern NAME = Pattern.compile("ckpt-(\\d+)");

    private final Path root;

    public CheckpointStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A loaded checkpoint. */
    public record Loaded(Path folder, TrainingPosition position, StateDict weights, StateDict optimizer) {
    }

    /** Writes a checkpoint atomically and then removes the older ones; returns its folder. */
    public Path save(TrainingPosition pos, List<StreamedTensor> weights, List<StreamedTensor> optimizer,
            Map<String, String> meta) throws IOException {
        DurableFiles.createDirectories(root);
        Path target = root.resolve(String.format("ckpt-%010d", pos.globalStep()));
        Path tmp = Files.createTempDirectory(root, ".tmp-" + target.getFileName() + "-");
        try {
            SafetensorsFile.write(tmp.resolve(MODEL), weights, meta);
            SafetensorsFile.write(tmp.resolve(OPTIMIZER), optimizer, Map.of());
            ByteArrayOutputStream state = new ByteArrayOutputStream();
            pos.toProperties().store(state, "RadDiag training checkpoint");
            DurableFiles.write(tmp.resolve(STATE), state.toByteArray());
            Path old = null;
            if (Files.exists(target)) {
                old = root.resolve(".old-" + target.getFileName() + "-" + System.nanoTime());
                DurableFiles.move(target, old, Existing.REFUSE);
            }
            DurableFiles.move(tmp, target, Existing.REFUSE);
            if (old != null) {
                DurableFiles.deleteTree(old);
            }
        } finally {
            DurableFiles.deleteTree(tmp);
        }
        for (Path p : complete()) {
            if (!p.equals(target)) {
                DurableFiles.deleteTree(p);
            }
        }
        return target;
    }

    /** Folders named like checkpoints, newest first (not necessarily complete). */
    private List<Path> complete() throws IOException {
        List<Path> out = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (var s = Files.list(root)) {
            s.filter(p -> NAME.matcher(p.getFileName().toString()).matches() && Files.isDirectory(p)).forEach(out::add);
        }
        out.sort(Comparator.comparingLong(CheckpointStore::stepOf).reversed());
        return out;
    }

    private static long stepOf(Path p) {
        Matcher m = NAME.matcher(p.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** The newest complete checkpoint, or empty. */
    public Optional<Loaded> latest() throws IOException {
        for (Path p : complete()) {
            Optional<Loaded> l = tryLoad(p);
            if (l.isPresent()) {
                return l;
            }
        }
        return Optional.empty();
    }

    private static Optional<Loaded> tryLoad(Path p) {
        try {
            Path state = p.resolve(STATE);
            if (!Files.isRegularFile(state)) {
                return Optional.empty();
            }
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(state)) {
                props.load(in);
            }
            TrainingPosition pos = TrainingPosition.fromProperties(props);
            return Optional.of(new Loaded(p, pos, SafetensorsFile.read(p.resolve(MODEL)),
                    SafetensorsFile.read(p.resolve(OPTIMIZER))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Removes temporary folders left by an interrupted {@link #save}. */
    public void cleanTemporaries() throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> stale = new ArrayList<>();
        try (var s = Files.list(root)) {
            s.filter(p -> p.getFileName().toString().startsWith(".tmp-")).forEach(stale::add);
        }
        for (Path p : stale) {
            DurableFiles.deleteTree(p);
        }
    }
}
