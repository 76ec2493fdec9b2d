package org.raddiag.reader.numpy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.FileProbe;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.support.numpy.NpyArray;
import org.raddiag.support.numpy.NpyFormat;

/**
 * Reads {@code .npy} arrays and {@code .npz} archives as scans (one scan per array; archive members are named
 * {@code file.npz:key}). Arrays follow the RP3D convention (H, W[, D]). NumPy files carry no modality: scans get
 * {@link ReadOptions#modalityHint()} or, without a hint, CT; no plane and no key slice.
 */
@Component(service = ModalityReader.class, property = {"raddiag.kind=reader", "raddiag.format=npy",
        "raddiag.format=npz"})
public final class NumpyReader implements ModalityReader {
    @Override
    public String name() {
        return "npy";
    }

    @Override
    public Set<String> formats() {
        return Set.of("npy", "npz");
    }

    @Override
    public boolean accepts(Path path) {
        return FileProbe.hasSuffix(path, ".npy", ".npz") || FileProbe.startsWith(path, NpyFormat.magic());
    }

    @Override
    public List<Scan> read(Path path, ReadOptions options) throws ReadException {
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        Modality modality = o.modalityHint() == null ? Modality.CT : o.modalityHint();
        List<Scan> scans = new ArrayList<>();
        if (isNpz(path)) {
            String file = path.getFileName().toString();
            for (Map.Entry<String, NpyArray> e : NpyFormat.readNpz(path, o.maxVoxels()).entrySet()) {
                scans.add(new Scan(ArrayVolumes.toVolume(e.getValue(), path, o.maxVoxels()), modality, Plane.UNKNOWN,
                        -1, file + ":" + e.getKey()));
            }
        } else {
            NpyArray a = NpyFormat.read(path, o.maxVoxels());
            scans.add(new Scan(ArrayVolumes.toVolume(a, path, o.maxVoxels()), modality, Plane.UNKNOWN, -1,
                    path.toString()));
        }
        return scans;
    }

    private static boolean isNpz(Path path) throws ReadException {
        if (path.getFileName() != null && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz")) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] b = in.readNBytes(4);
            return b.length == 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
        } catch (IOException e) {
            if (!Files.exists(path)) {
                throw new ReadException(path, Reason.NOT_FOUND, "no such file", e);
            }
            return false;
        }
    }
}
