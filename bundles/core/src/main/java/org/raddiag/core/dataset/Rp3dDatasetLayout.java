package org.raddiag.core.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.ServiceProperties;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.core.cases.NpyKeySlices;
import org.raddiag.core.io.ReaderRegistry;

/**
 * The RP3D-DiagDS layout: {@code train.json}, optional {@code valid.json}, {@code test.json} (case files as in
 * reference-model.md A.1.2) and a label dictionary ({@code label_dict.json}, {@code disorder_label_dict.json} or the
 * file named by option {@code labels}; JSON {name: index} ordered by frequency). Options: {@code labels},
 * {@code level} ({@code articles} or {@code icd10s}), {@code head} and {@code medium} (split sizes; defaults from a
 * {@code dataset.json} manifest, the reference's 85/470 or 165/230, else all head). Without {@code valid.json} the
 * last 10% of the training cases (in file order) are the validation split.
 */
@Component(property = {ServiceProperties.KIND + "=dataset-layout", ServiceProperties.DATASET + "=rp3d"})
public final class Rp3dDatasetLayout implements DatasetLayout {
    @Reference
    private ReaderRegistry readers;

    @Override
    public String name() {
        return "rp3d";
    }

    @Override
    public DatasetSource open(Path folder, Map<String, String> options) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("dataset folder " + folder + " does not exist");
        }
        Path train = folder.resolve("train.json");
        Path test = folder.resolve("test.json");
        if (!Files.isRegularFile(train) || !Files.isRegularFile(test)) {
            throw new IOException("dataset folder " + folder + " needs train.json and test.json (RP3D layout)");
        }
        LabelSet labels = LabelDictionary.read(folder, options);
        String level = options.getOrDefault("level", "articles");
        return new Rp3dDataset(folder, labels, level, readers.plainScanFiles(ReadOptions.defaults()),
                new NpyKeySlices());
    }
}
