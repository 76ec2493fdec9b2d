package org.raddiag.reader.image.internal;

import java.awt.image.BufferedImage;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
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
 * Reads PNG and JPEG radiographs with the JDK's ImageIO as one grey scan of depth 1 (values as stored, see
 * {@link GreyRaster}). The size is taken from the header and checked against {@link ReadOptions#maxVoxels()} before
 * any pixel is decoded. Modality: {@link ReadOptions#modalityHint()}, else X-ray; unit spacing, no plane.
 */
@Component(service = ModalityReader.class, property = {"raddiag.kind=reader", "raddiag.format=png",
        "raddiag.format=jpeg"})
public final class RadiographReader implements ModalityReader {
    @Override
    public String name() {
        return "image";
    }

    @Override
    public Set<String> formats() {
        return Set.of("png", "jpeg");
    }

    @Override
    public boolean accepts(Path path) {
        return FileProbe.isFile(path) && ImageFiles.isPngOrJpeg(path);
    }

    @Override
    public List<Scan> read(Path path, ReadOptions options) throws ReadException {
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        if (path == null || !Files.isRegularFile(path)) {
            throw new ReadException(path, Reason.NOT_FOUND, "no such file");
        }
        if (!ImageFiles.isPngOrJpeg(path)) {
            throw new ReadException(path, Reason.WRONG_FORMAT, "not a PNG or JPEG file");
        }
        BufferedImage image = decode(path, o.maxVoxels());
        float[] grey = GreyRaster.of(image);
        Modality modality = o.modalityHint() == null ? Modality.XRAY : o.modalityHint();
        Volume v = new Volume(grey, image.getWidth(), image.getHeight(), 1);
        return List.of(new Scan(v, modality, Plane.UNKNOWN, -1, path.toString()));
    }

    private static BufferedImage decode(Path path, long maxVoxels) throws ReadException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new ReadException(path, Reason.WRONG_FORMAT, "no image decoder recognises the file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw new ReadException(path, Reason.CORRUPT, "image size " + width + "x" + height);
                }
                if (width * height > maxVoxels) {
                    throw new ReadException(path, Reason.TOO_LARGE, "image " + width + "x" + height + " exceeds the "
                            + "limit of " + maxVoxels + " voxels");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new ReadException(path, Reason.CORRUPT, "decoder returned no image");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (EOFException e) {
            throw new ReadException(path, Reason.TRUNCATED, "ends inside the image data", e);
        } catch (IOException e) {
            throw new ReadException(path, Reason.CORRUPT, "cannot decode: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ReadException(path, Reason.CORRUPT, "cannot decode: " + e, e);
        }
    }
}
