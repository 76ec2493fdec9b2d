package org.raddiag.ingest.dicom.internal;

import com.google.gson.JsonObject;
import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.TagFromName;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which stored instance a slice index of a scan stands for, so the report can reference the key slice. Scans carry
 * no per-slice file, so the slices of a series are ordered here as the DICOM reader orders them: by the distance of
 * ImagePositionPatient along the slice normal (row x column cosine) when every file has position and orientation,
 * else by InstanceNumber, then file name. A single multi-frame file is referenced with the frame number.
 */
final class KeySlices {
    private final List<Instance> ordered;
    private final boolean multiFrame;

    private KeySlices(List<Instance> ordered, boolean multiFrame) {
        this.ordered = ordered;
        this.multiFrame = multiFrame;
    }

    /** The slice order of the instance files of one series (or of one file, for a per-file scan). */
    static KeySlices of(List<Path> files) throws IOException {
        List<Instance> all = new ArrayList<>();
        for (Path f : files) {
            all.add(Instance.read(f));
        }
        boolean located = all.stream().allMatch(i -> i.position != null && i.orientation != null);
        if (located && !all.isEmpty()) {
            double[] o = all.get(0).orientation;
            double[] normal = {o[1] * o[5] - o[2] * o[4], o[2] * o[3] - o[0] * o[5], o[0] * o[4] - o[1] * o[3]};
            for (Instance i : all) {
                i.distance = normal[0] * i.position[0] + normal[1] * i.position[1] + normal[2] * i.position[2];
            }
            all.sort(Comparator.comparingDouble(i -> i.distance));
        } else {
            all.sort(Comparator.comparingInt((Instance i) -> i.number).thenComparing(i -> i.file));
        }
        return new KeySlices(all, all.size() == 1 && all.get(0).frames > 1);
    }

    /**
     * The reference for slice {@code k}: seriesUid, sopClassUid, sopInstanceUid and, for a multi-frame file, frame
     * (1-based); null when {@code k} is outside the series.
     */
    JsonObject reference(int k) {
        Instance i;
        int frame = 0;
        if (multiFrame) {
            i = ordered.get(0);
            if (k < 0 || k >= i.frames) {
                return null;
            }
            frame = k + 1;
        } else {
            if (k < 0 || k >= ordered.size()) {
                return null;
            }
            i = ordered.get(k);
        }
        JsonObject o = new JsonObject();
        o.addProperty("seriesUid", i.series);
        o.addProperty("sopClassUid", i.sopClass);
        o.addProperty("sopInstanceUid", i.sop);
        if (frame > 0) {
            o.addProperty("frame", frame);
        }
        return o;
    }

    private static final class Instance {
        Path file;
        String series;
        String sop;
        String sopClass;
        int number;
        int frames;
        double[] position;
        double[] orientation;
        double distance;

        static Instance read(Path f) throws IOException {
            AttributeList l = InstanceHeader.attributes(f);
            Instance i = new Instance();
            i.file = f;
            i.series = Uids.clean(Attribute.getSingleStringValueOrNull(l, TagFromName.SeriesInstanceUID));
            i.sop = Uids.clean(Attribute.getSingleStringValueOrNull(l, TagFromName.SOPInstanceUID));
            i.sopClass = Uids.clean(Attribute.getSingleStringValueOrNull(l, TagFromName.SOPClassUID));
            i.number = Attribute.getSingleIntegerValueOrDefault(l, TagFromName.InstanceNumber, Integer.MAX_VALUE);
            i.frames = Math.max(1, Attribute.getSingleIntegerValueOrDefault(l, TagFromName.NumberOfFrames, 1));
            i.position = doubles(l, TagFromName.ImagePositionPatient, 3);
            i.orientation = doubles(l, TagFromName.ImageOrientationPatient, 6);
            return i;
        }

        private static double[] doubles(AttributeList l, AttributeTag tag, int n) {
            double[] v = Attribute.getDoubleValues(l, tag);
            return v != null && v.length == n ? v : null;
        }
    }
}
