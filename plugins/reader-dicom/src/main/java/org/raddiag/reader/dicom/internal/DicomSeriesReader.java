package org.raddiag.reader.dicom.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadException.Reason;
import org.raddiag.api.io.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads DICOM files and folders as scans, one scan per series (Series Instance UID); projection images without
 * position/orientation give one scan per file. Files in a folder that are not DICOM, or are DICOM without an image
 * (reports, structures), are skipped; any image file of the folder that cannot be read refuses the whole read,
 * so a volume never silently misses a slice. Uneven slice gaps are logged and noted in the scan source.
 */
@Component(service = ModalityReader.class, property = {"raddiag.kind=reader", "raddiag.format=dicom"})
public final class DicomSeriesReader implements ModalityReader {
    private static final Logger LOG = LoggerFactory.getLogger(DicomSeriesReader.class);

    private final ImageIoCodecs codecs = new ImageIoCodecs();

    @Activate
    void activate() {
        codecs.register();
    }

    @Deactivate
    void deactivate() {
        codecs.deregister();
    }

    @Override
    public String name() {
        return "dicom";
    }

    @Override
    public boolean accepts(Path path) {
        try {
            if (path == null) {
                return false;
            }
            if (Files.isDirectory(path)) {
                try (var files = Files.list(path)) {
                    return files.limit(DicomFiles.MAX_FILES).anyMatch(p -> Files.isRegularFile(p)
                            && DicomFiles.isDicom(p));
                }
            }
            return Files.isRegularFile(path) && DicomFiles.isDicom(path);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public List<Scan> read(Path path, ReadOptions options) throws ReadException {
        ReadOptions o = options == null ? ReadOptions.defaults() : options;
        if (path == null || !Files.exists(path)) {
            throw new ReadException(path, Reason.NOT_FOUND, "no such file or folder");
        }
        boolean folder = Files.isDirectory(path);
        List<Path> files = folder ? DicomFiles.list(path) : List.of(path);
        if (folder && files.isEmpty()) {
            throw new ReadException(path, Reason.WRONG_FORMAT, "the folder holds no DICOM files");
        }
        if (!folder && !DicomFiles.isDicom(path)) {
            throw new ReadException(path, Reason.WRONG_FORMAT, "not a DICOM file (no DICM preamble or data set)");
        }
        Map<String, List<DicomHeader>> series = new LinkedHashMap<>();
        for (Path f : files) {
            DicomHeader h = DicomHeader.read(f);
            if (!h.image) {
                if (!folder) {
                    throw new ReadException(f, Reason.UNSUPPORTED, "DICOM object without an image (modality '"
                            + h.modality + "')");
                }
                LOG.debug("{}: skipped, no image", f);
                continue;
            }
            series.computeIfAbsent(h.seriesUid, k -> new ArrayList<>()).add(h);
        }
        if (series.isEmpty()) {
            throw new ReadException(path, Reason.UNSUPPORTED, "the folder holds no DICOM images");
        }
        List<Scan> scans = new ArrayList<>();
        int index = 0;
        for (List<DicomHeader> headers : series.values()) {
            index++;
            String label = series.size() == 1 ? path.toString() : path + " (series " + index + " of " + series.size()
                    + ")";
            scans.addAll(new SeriesAssembler(headers, o).assemble(label));
        }
        return scans;
    }
}
