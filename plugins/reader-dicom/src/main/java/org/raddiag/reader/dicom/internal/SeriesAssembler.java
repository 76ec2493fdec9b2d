package org.raddiag.reader.dicom.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the scans of one series from its headers: checks sizes against {@link ReadOptions#maxVoxels()} and the
 * file lengths before any pixel data is decoded, orders the slices, then decodes each file once into its slices.
 */
final class SeriesAssembler {
    private static final Logger LOG = LoggerFactory.getLogger(SeriesAssembler.class);
    private static final Set<String> NATIVE = Set.of(TransferSyntaxes.IMPLICIT_LE, "1.2.840.10008.1.2.1",
            "1.2.840.10008.1.2.2");

    private final List<DicomHeader> headers;
    private final ReadOptions options;

    SeriesAssembler(List<DicomHeader> headers, ReadOptions options) {
        this.headers = headers;
        this.options = options;
    }

    /** One scan for a series with geometry, one scan per file for projection images without it. */
    List<Scan> assemble(String label) throws ReadException {
        List<Slice> all = new ArrayList<>();
        int located = 0;
        for (DicomHeader h : headers) {
            for (int f = 0; f < h.frames; f++) {
                all.add(new Slice(h, f));
                located += h.hasGeometry(f) ? 1 : 0;
            }
        }
        if (located == all.size() || headers.size() == 1) {
            return List.of(scan(all, label));
        }
        if (located > 0) {
            for (Slice s : all) {
                if (!s.header.hasGeometry(s.frame)) {
                    throw new ReadException(s.header.file, Reason.CORRUPT, "has no image position or orientation "
                            + "while other files of its series have them");
                }
            }
        }
        List<Scan> scans = new ArrayList<>();
        for (DicomHeader h : headers) {
            List<Slice> own = new ArrayList<>();
            for (int f = 0; f < h.frames; f++) {
                own.add(new Slice(h, f));
            }
            scans.add(scan(own, h.file.toString()));
        }
        return scans;
    }

    private Scan scan(List<Slice> slices, String label) throws ReadException {
        DicomHeader first = slices.get(0).header;
        long voxels = 0;
        for (DicomHeader h : headersOf(slices)) {
            if (h.rows != first.rows || h.columns != first.columns || h.samplesPerPixel != first.samplesPerPixel) {
                throw new ReadException(h.file, Reason.UNSUPPORTED, "image size " + h.columns + "x" + h.rows
                        + " differs from " + first.columns + "x" + first.rows + " of " + first.file.getFileName()
                        + " in the same series");
            }
            voxels += (long) h.rows * h.columns * h.frames;
            if (voxels > options.maxVoxels()) {
                throw new ReadException(h.file, Reason.TOO_LARGE, "series needs more than " + options.maxVoxels()
                        + " voxels (limit)");
            }
            requireLength(h);
        }
        Modality modality = modality(first);
        SeriesGeometry g = SeriesGeometry.of(first.file, slices);
        int n = first.rows * first.columns;
        float[] voxelsOut = new float[n * slices.size()];
        Map<DicomHeader, List<int[]>> targets = new IdentityHashMap<>();
        for (int z = 0; z < g.ordered.size(); z++) {
            Slice s = g.ordered.get(z);
            targets.computeIfAbsent(s.header, k -> new ArrayList<>()).add(new int[] {s.frame, z});
        }
        for (Map.Entry<DicomHeader, List<int[]>> e : targets.entrySet()) {
            StoredPixels p = StoredPixels.read(e.getKey());
            for (int[] t : e.getValue()) {
                GreyFrames.frame(e.getKey(), p, t[0], voxelsOut, t[1] * n);
            }
        }
        String source = label;
        if (g.warning != null) {
            LOG.warn("{}: {}", label, g.warning);
            source = label + " [warning: " + g.warning + "]";
        }
        Volume v = new Volume(voxelsOut, first.columns, first.rows, slices.size(), g.spacing, g.direction);
        return new Scan(v, modality, g.plane, -1, source);
    }

    private static List<DicomHeader> headersOf(List<Slice> slices) {
        List<DicomHeader> out = new ArrayList<>();
        Map<DicomHeader, Boolean> seen = new IdentityHashMap<>();
        for (Slice s : slices) {
            if (seen.put(s.header, Boolean.TRUE) == null) {
                out.add(s.header);
            }
        }
        return out;
    }

    /** Uncompressed pixel data must fit in the file: catches truncation and absurd sizes before decoding. */
    private static void requireLength(DicomHeader h) throws ReadException {
        if (!NATIVE.contains(h.transferSyntax)) {
            return;
        }
        long bytes = (long) h.rows * h.columns * h.frames * h.samplesPerPixel * Math.max(1, h.bitsAllocated / 8);
        try {
            long size = Files.size(h.file) - Math.max(0, h.headerLength);
            if (bytes > size) {
                throw new ReadException(h.file, Reason.TRUNCATED, "header declares " + bytes + " bytes of pixel data ("
                        + h.columns + "x" + h.rows + "x" + h.frames + "), the file has " + size + " after the header");
            }
        } catch (IOException e) {
            throw new ReadException(h.file, Reason.IO, "cannot read the file size", e);
        }
    }

    private Modality modality(DicomHeader h) throws ReadException {
        try {
            return Modality.parse(h.modality);
        } catch (IllegalArgumentException e) {
            if (options.modalityHint() != null) {
                return options.modalityHint();
            }
            throw new ReadException(h.file, Reason.UNSUPPORTED, "modality '" + h.modality + "' is not one RadDiag "
                    + "knows (CT, MR, CR/DX, US, MG, XA, RF, NM/PT); pass a modality hint to read it");
        }
    }
}
