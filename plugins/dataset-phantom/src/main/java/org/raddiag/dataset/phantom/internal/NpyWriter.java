package org.raddiag.dataset.phantom.internal;

/**
 * The phantom's arrays as RP3D stores them, encoded by the shared NumPy library: images as little-endian float32 of
 * shape (H, W, D) in Fortran order, key slices as little-endian int64 of shape (1,).
 */
final class NpyWriter {
    private NpyWriter() {
    }

    /**
     * @param voxels volume layout: voxel (row y, column x, slice z) at {@code (z * height + y) * width + x}
     */
    static byte[] image(float[] voxels, int height, int width, int depth) {
        if (voxels.length != height * width * depth) {
            throw new IllegalArgumentException("voxel count " + voxels.length + " does not match " + height + "x"
                    + width + "x" + depth);
        }
        float[] fortran = new float[voxels.length];
        int i = 0;
        for (int z = 0; z < depth; z++) {
            for (int x = 0; x < width; x++) {
                for (int y = 0; y < height; y++) {
                    fortran[i++] = voxels[(z * height + y) * width + x];
                }
            }
        }
        return org.raddiag.support.numpy.NpyWriter.float32(fortran, new long[] {height, width, depth}, true);
    }

    static byte[] key(long value) {
        return org.raddiag.support.numpy.NpyWriter.int64(new long[] {value}, new long[] {1});
    }
}
