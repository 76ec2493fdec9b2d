package org.raddiag.reader.numpy.internal;

import java.nio.file.Path;
import java.util.Arrays;
import org.raddiag.api.data.Volume;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.support.numpy.NpyArray;

/**
 * Turns arrays in the RP3D axis convention into volumes: a 3-D array (H, W, D) becomes a volume of width W, height
 * H and depth D whose slice z is {@code array[:, :, z]}; a 2-D array (H, W) becomes a single slice.
 */
final class ArrayVolumes {
    private ArrayVolumes() {
    }

    static Volume toVolume(NpyArray a, Path file, long maxVoxels) throws ReadException {
        long[] s = a.shape();
        if (s.length != 2 && s.length != 3) {
            throw new ReadException(file, Reason.UNSUPPORTED, a.name() + ": shape " + Arrays.toString(s)
                    + " is not an image: expected (H, W) or (H, W, D)");
        }
        long h = s[0];
        long w = s[1];
        long d = s.length == 3 ? s[2] : 1;
        if (h == 0 || w == 0 || d == 0) {
            throw new ReadException(file, Reason.CORRUPT, a.name() + ": empty array of shape " + Arrays.toString(s));
        }
        if ((long) a.size() > maxVoxels) {
            throw new ReadException(file, Reason.TOO_LARGE, a.name() + ": " + a.size() + " voxels, limit " + maxVoxels);
        }
        int height = (int) h;
        int width = (int) w;
        int depth = (int) d;
        float[] c = a.toFloatArray();
        if (depth == 1) {
            return new Volume(c, width, height, 1);
        }
        float[] v = new float[c.length];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int z = 0; z < depth; z++) {
                    v[(z * height + y) * width + x] = c[i++];
                }
            }
        }
        return new Volume(v, width, height, depth);
    }
}
