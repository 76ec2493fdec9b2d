package org.raddiag.example.metaimage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.FileProbe;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;

/**
 * ITK MetaImage ({@code .mha}) as one scan: what a modality reader plugin is. A DS component providing
 * {@link ModalityReader} with {@code raddiag.kind=reader} and its formats; it exports nothing, and the platform
 * finds it only through that service. Everything that can be wrong with a file is a {@link ReadException} naming
 * it, checked before any allocation. MetaImage carries no modality: scans get the hint of the read options, else CT.
 */
@Component(service = ModalityReader.class, property = {"raddiag.kind=reader", "raddiag.format=metaimage"})
public final class MetaImageReader implements ModalityReader {
    @Override
    public String name() {
        return "metaimage";
    }

    @Override
    public boolean accepts(Path path) {
        return FileProbe.hasSuffix(path, ".mha")
                || FileProbe.startsWith(path, "ObjectType = Image".getBytes(StandardCharsets.ISO_8859_1))
                || FileProbe.startsWith(path, "NDims".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public List<Scan> read(Path path, ReadOptions options) throws ReadException {
        byte[] bytes;
        try {
            long size = Files.size(path);
            long limit = options.maxVoxels() * 8 + MetaImageHeader.MAX_HEADER;
            if (size > limit) {
                throw new ReadException(path, Reason.TOO_LARGE, size + " bytes exceed the limit of " + limit);
            }
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new ReadException(path, Reason.NOT_FOUND, "no such file", e);
        } catch (IOException e) {
            throw new ReadException(path, Reason.IO, "cannot be read: " + e.getMessage(), e);
        }
        MetaImageHeader h = MetaImageHeader.parse(path, bytes, options.maxVoxels());
        float[] voxels = decode(h, bytes);
        Volume v = new Volume(voxels, h.width(), h.height(), h.depth(), h.spacing(), null);
        Modality m = options.modalityHint() != null ? options.modalityHint() : Modality.CT;
        return List.of(new Scan(v, m, Plane.UNKNOWN, -1, path.getFileName().toString()));
    }

    /** Voxels in MetaImage order (x fastest, then y, then z), which is the platform's volume order. */
    private static float[] decode(MetaImageHeader h, byte[] bytes) {
        int n = h.width() * h.height() * h.depth();
        ByteBuffer b = ByteBuffer.wrap(bytes, h.dataOffset(), n * h.type().bytes).slice().order(h.order());
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (h.type()) {
                case MET_UCHAR -> b.get() & 0xff;
                case MET_CHAR -> b.get();
                case MET_USHORT -> b.getShort() & 0xffff;
                case MET_SHORT -> b.getShort();
                case MET_UINT -> b.getInt() & 0xffffffffL;
                case MET_INT -> b.getInt();
                case MET_FLOAT -> b.getFloat();
                case MET_DOUBLE -> (float) b.getDouble();
            };
        }
        return v;
    }
}
