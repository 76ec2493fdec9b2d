package org.raddiag.itests;

import java.util.Random;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Scan;
import org.raddiag.api.data.Volume;

/** Small synthetic scans for the in-framework tests that only need a diagnosis to run, not a meaningful one. */
final class PhantomScans {
    private PhantomScans() {
    }

    /** A seeded noise CT of 48 x 40 x 6 voxels, key slice 2: the same values in every test that uses it. */
    static Scan ct() {
        Random r = new Random(3);
        float[] v = new float[48 * 40 * 6];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (r.nextGaussian() * 50 + 40);
        }
        return new Scan(new Volume(v, 48, 40, 6), Modality.CT, Plane.AXIAL, 2, "phantom-ct");
    }
}
