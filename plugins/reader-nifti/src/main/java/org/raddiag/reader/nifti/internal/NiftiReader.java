package org.raddiag.reader.nifti.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
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
 * Reads NIfTI-1 and NIfTI-2 images: {@code .nii}, gzip-compressed {@code .nii.gz} (detected by magic), and
 * {@code .hdr}/{@code .img} pairs (either file may be given); either byte order; datatypes uint8, int8, int16,
 * uint16, int32, uint32, int64, uint64, float32, float64. NIfTI x/y/z are the volume's width/height/depth; values
 * are scaled by {@code scl_slope}/{@code scl_inter} unless the slope is 0 or not finite. A 4-D image with several
 * volumes yields its first volume only, and the scan's source says so ({@code file [volume 1 of N]}); images with
 * more than one index along dimensions 5-7 are refused. Geometry: see {@link NiftiGeometry} (direction in LPS).
 * NIfTI does not record the modality: scans get {@link ReadOptions#modalityHint()} or, without one, CT.
 */
@Component(service = ModalityReader.class, property = {"raddiag.kind=reader", "raddiag.format=nifti"})
public final class NiftiReader implements ModalityReader {
    @Override
    public String name() {
        return "nifti";
    }

    @Override
    public boolean accepts(Path path) {
        return FileProbe.hasSuffix(path, ".nii", ".nii.gz", ".hdr")
                || (FileProbe.hasSuffix(path, ".img") && FileProbe.isFile(sibling(path, ".hdr")));
    }

    @Override
    public List<Scan> read(Path path, ReadOptions options) throws ReadException {
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        Path headerFile = path;
        String lower = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
        if (lower.endsWith(".img") || lower.endsWith(".img.gz")) {
            headerFile = sibling(path, ".hdr");
        }
        requireFile(headerFile);
        NiftiHeader h;
        try (InputStream in = open(headerFile)) {
            h = readHeader(in, headerFile);
            if (h.singleFile) {
                return List.of(readData(h, in, h.size(), size(headerFile), headerFile, headerFile, o));
            }
        } catch (IOException e) {
            throw io(headerFile, e);
        }
        Path imageFile = sibling(headerFile, ".img");
        if (!Files.isRegularFile(imageFile) && Files.isRegularFile(sibling(headerFile, ".img.gz"))) {
            imageFile = sibling(headerFile, ".img.gz");
        }
        requireFile(imageFile);
        try (InputStream in = open(imageFile)) {
            return List.of(readData(h, in, 0, size(imageFile), imageFile, headerFile, o));
        } catch (IOException e) {
            throw io(imageFile, e);
        }
    }

    private static NiftiHeader readHeader(InputStream in, Path file) throws IOException, ReadException {
        byte[] first = in.readNBytes(4);
        if (first.length < 4) {
            throw new ReadException(file, Reason.WRONG_FORMAT, "too short for a NIfTI header");
        }
        NiftiHeader h = NiftiHeader.probe(first, file);
        byte[] raw = new byte[h.size()];
        System.arraycopy(first, 0, raw, 0, 4);
        if (in.readNBytes(raw, 4, raw.length - 4) < raw.length - 4) {
            throw new ReadException(file, Reason.TRUNCATED, "ends inside the " + h.size() + "-byte header");
        }
        h.parse(raw, file);
        return h;
    }

    /**
     * Reads the first volume from {@code in}, positioned at byte {@code pos}.
     *
     * @param fileSize size on disk, or -1 when compressed (then a short stream is detected while reading)
     */
    private static Scan readData(NiftiHeader h, InputStream in, long pos, long fileSize, Path dataFile, Path file,
            ReadOptions o) throws IOException, ReadException {
        NiftiDatatype type = NiftiDatatype.of(h.datatype, h.bitpix, file);
        long rank = h.dim[0];
        if (rank < 2 || rank > 7) {
            throw new ReadException(file, rank < 1 ? Reason.CORRUPT : Reason.UNSUPPORTED, "dim[0] = " + rank
                    + ": only 2-D, 3-D and 4-D images are supported");
        }
        long[] d = new long[8];
        for (int i = 1; i < 8; i++) {
            d[i] = i <= rank ? h.dim[i] : 1;
            if (d[i] < 1) {
                throw new ReadException(file, Reason.CORRUPT, "dim[" + i + "] = " + d[i] + " is not positive");
            }
        }
        for (int i = 5; i < 8; i++) {
            if (d[i] > 1) {
                throw new ReadException(file, Reason.UNSUPPORTED, "dim[" + i + "] = " + d[i]
                        + ": images with more than 4 dimensions are not supported");
            }
        }
        if (d[1] > Integer.MAX_VALUE || d[2] > Integer.MAX_VALUE || d[3] > Integer.MAX_VALUE
                || d[1] * d[2] > o.maxVoxels() || d[1] * d[2] * d[3] > o.maxVoxels()) {
            throw new ReadException(file, Reason.TOO_LARGE, "volume " + d[1] + "x" + d[2] + "x" + d[3]
                    + " exceeds the limit of " + o.maxVoxels() + " voxels");
        }
        int n = (int) (d[1] * d[2] * d[3]);
        long bytes = (long) n * type.bytes;
        if (bytes > Integer.MAX_VALUE - 16) {
            throw new ReadException(file, Reason.TOO_LARGE, "volume data of " + bytes + " bytes exceeds 2 GiB");
        }
        if (h.voxOffset < pos) {
            throw new ReadException(file, Reason.CORRUPT, "vox_offset " + h.voxOffset + " lies inside the header");
        }
        if (fileSize >= 0 && h.voxOffset + bytes > fileSize) {
            throw new ReadException(dataFile, Reason.TRUNCATED, "needs " + bytes + " data bytes at offset "
                    + h.voxOffset + ", file has " + fileSize);
        }
        long skip = h.voxOffset - pos;
        while (skip > 0) {
            long s = in.skip(skip);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new ReadException(dataFile, Reason.TRUNCATED, "ends before vox_offset " + h.voxOffset);
                }
                s = 1;
            }
            skip -= s;
        }
        byte[] raw = new byte[(int) bytes];
        if (in.readNBytes(raw, 0, raw.length) < raw.length) {
            throw new ReadException(dataFile, Reason.TRUNCATED, "image data ends early (needs " + bytes + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(h.order);
        boolean scaled = h.sclSlope != 0 && Double.isFinite(h.sclSlope)
                && !(h.sclSlope == 1 && (h.sclInter == 0 || !Double.isFinite(h.sclInter)));
        double inter = Double.isFinite(h.sclInter) ? h.sclInter : 0;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            double x = type.get(b, i);
            v[i] = (float) (scaled ? x * h.sclSlope + inter : x);
        }
        NiftiGeometry g = new NiftiGeometry(h);
        Volume vol = new Volume(v, (int) d[1], (int) d[2], (int) d[3], g.spacing, g.direction);
        Modality m = o.modalityHint() == null ? Modality.CT : o.modalityHint();
        String source = file.toString() + (d[4] > 1 ? " [volume 1 of " + d[4] + "]" : "");
        return new Scan(vol, m, Plane.UNKNOWN, -1, source);
    }

    private static InputStream open(Path p) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(p), 65536);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 65536), 65536) : in;
    }

    private static boolean gzip(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Size on disk, or -1 for gzip files. */
    private static long size(Path p) throws IOException {
        return gzip(p) ? -1 : Files.size(p);
    }

    private static void requireFile(Path p) throws ReadException {
        if (!Files.exists(p)) {
            throw new ReadException(p, Reason.NOT_FOUND, "no such file");
        }
        if (!Files.isRegularFile(p)) {
            throw new ReadException(p, Reason.WRONG_FORMAT, "not a regular file");
        }
    }

    private static ReadException io(Path p, IOException e) {
        if (e instanceof EOFException) {
            return new ReadException(p, Reason.TRUNCATED, "compressed data ends early: " + e.getMessage(), e);
        }
        if (e instanceof ZipException) {
            return new ReadException(p, Reason.CORRUPT, "damaged gzip data: " + e.getMessage(), e);
        }
        if (e instanceof NoSuchFileException) {
            return new ReadException(p, Reason.NOT_FOUND, "no such file", e);
        }
        return new ReadException(p, Reason.IO, "cannot read: " + e.getMessage(), e);
    }

    private static Path sibling(Path p, String ext) {
        String n = p.getFileName().toString();
        String lower = n.toLowerCase(Locale.ROOT);
        String base = lower.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
        int dot = base.lastIndexOf('.');
        return p.resolveSibling((dot < 0 ? base : base.substring(0, dot)) + ext);
    }
}
