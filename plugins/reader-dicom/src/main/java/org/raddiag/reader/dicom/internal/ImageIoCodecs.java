package org.raddiag.reader.dicom.internal;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.pixelmed.imageio.JPEGLosslessImageReaderSpi;
import java.util.List;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Registers the embedded ImageIO readers that PixelMed looks up by format name (lossless JPEG, JPEG 2000). Inside
 * OSGi the JDK's service discovery does not see jars on a bundle class path, so the component registers them on
 * activation and removes them on deactivation (no stale class loader is left in the JVM-wide registry).
 */
final class ImageIoCodecs {
    private final List<ImageReaderSpi> readers = List.of(new JPEGLosslessImageReaderSpi(), new J2KImageReaderSpi());

    void register() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        for (ImageReaderSpi spi : readers) {
            registry.registerServiceProvider(spi, ImageReaderSpi.class);
        }
    }

    void deregister() {
        IIORegistry registry = IIORegistry.getDefaultInstance();
        for (ImageReaderSpi spi : readers) {
            registry.deregisterServiceProvider(spi, ImageReaderSpi.class);
        }
    }
}
