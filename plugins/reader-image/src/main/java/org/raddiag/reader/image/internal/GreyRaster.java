package org.raddiag.reader.image.internal;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;

/**
 * Grey values of a decoded image, as stored (0..255 for 8-bit, 0..65535 for 16-bit; no normalisation). Grey and
 * grey+alpha images give their grey band; RGB and RGBA give the ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B of
 * the stored samples (alpha ignored); palette images give the luma of each index's palette colour.
 */
final class GreyRaster {
    static final double RED = 0.299;
    static final double GREEN = 0.587;
    static final double BLUE = 0.114;

    private GreyRaster() {
    }

    static float[] of(BufferedImage image) {
        Raster r = image.getRaster();
        int w = r.getWidth();
        int h = r.getHeight();
        float[] out = new float[w * h];
        ColorModel cm = image.getColorModel();
        int bands = r.getNumBands();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                if (cm instanceof IndexColorModel) {
                    IndexColorModel p = (IndexColorModel) cm;
                    int index = r.getSample(x, y, 0);
                    out[i] = luma(p.getRed(index), p.getGreen(index), p.getBlue(index));
                } else if (bands >= 3) {
                    out[i] = luma(r.getSample(x, y, 0), r.getSample(x, y, 1), r.getSample(x, y, 2));
                } else {
                    out[i] = r.getSample(x, y, 0);
                }
            }
        }
        return out;
    }

    static float luma(int red, int green, int blue) {
        return (float) (RED * red + GREEN * green + BLUE * blue);
    }
}
