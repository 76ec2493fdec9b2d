package org.raddiag.reader.image.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the ASCII PGM (P2) / PPM (P3) oracles written by dcmj2pnm: grey values, or BT.601 luma of RGB. */
record Netpbm(int width, int height, float[] grey) {

    static Netpbm read(Path file) throws IOException {
        String[] t = Files.readString(file).replaceAll("#[^\n]*", " ").trim().split("\\s+");
        boolean rgb = t[0].equals("P3");
        int w = Integer.parseInt(t[1]);
        int h = Integer.parseInt(t[2]);
        float[] grey = new float[w * h];
        int at = 4;
        for (int i = 0; i < grey.length; i++) {
            if (rgb) {
                grey[i] = (float) (0.299 * Integer.parseInt(t[at]) + 0.587 * Integer.parseInt(t[at + 1])
                        + 0.114 * Integer.parseInt(t[at + 2]));
                at += 3;
            } else {
                grey[i] = Integer.parseInt(t[at++]);
            }
        }
        return new Netpbm(w, h, grey);
    }
}
