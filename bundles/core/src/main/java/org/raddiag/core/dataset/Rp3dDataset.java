package org.raddiag.core.dataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.core.cases.DataPathResolver;
import org.raddiag.core.cases.KeySliceSource;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.cases.Rp3dCaseFile;
import org.raddiag.core.cases.ScanFiles;

/** An opened RP3D-layout dataset. Case ids are unique per split file; loading reads through the reader plugins. */
final class Rp3dDataset implements DatasetSource {
    private final Path folder;
    private final LabelSet labels;
    private final Map<Split, List<String>> ids = new EnumMap<>(Split.class);
    private final Map<String, Rp3dCaseFile> fileOf = new HashMap<>();

    Rp3dDataset(Path folder, LabelSet labels, String level, ScanFiles files, KeySliceSource keys) throws IOException {
        this.folder = folder;
        this.labels = labels;
        DataPathResolver paths = new DataPathResolver(folder);
        Rp3dCaseFile train = new Rp3dCaseFile(folder.resolve("train.json"), paths, files, keys, level);
        Rp3dCaseFile test = new Rp3dCaseFile(folder.resolve("test.json"), paths, files, keys, level);
        List<String> trainIds = train.caseIds();
        Path valid = folder.resolve("valid.json");
        if (Files.isRegularFile(valid)) {
            Rp3dCaseFile v = new Rp3dCaseFile(valid, paths, files, keys, level);
            register(Split.VALIDATION, v, v.caseIds());
            register(Split.TRAIN, train, trainIds);
        } else {
            int cut = trainIds.size() - Math.max(1, trainIds.size() / 10);
            register(Split.TRAIN, train, trainIds.subList(0, cut));
            register(Split.VALIDATION, train, trainIds.subList(cut, trainIds.size()));
        }
        register(Split.TEST, test, test.caseIds());
    }

    private void register(Split split, Rp3dCaseFile file, List<String> caseIds) throws IOException {
        ids.put(split, List.copyOf(caseIds));
        for (String id : caseIds) {
            if (fileOf.put(id, file) != null && fileOf.get(id) != file) {
                throw new IOException("case " + id + " appears in more than one split of " + folder);
            }
        }
    }

    @Override
    public String name() {
        return "rp3d:" + folder;
    }

    @Override
    public LabelSet labels() {
        return labels;
    }

    @Override
    public List<String> caseIds(Split split) {
        return ids.getOrDefault(split, List.of());
    }

    @Override
    public Case load(String caseId) throws IOException {
        Rp3dCaseFile file = fileOf.get(caseId);
        if (file == null) {
            throw new IOException("no case " + caseId + " in " + folder);
        }
        LoadedCase c = file.load(caseId);
        if (c.value().samples().isEmpty()) {
            throw new IOException("case " + caseId + " has no readable scan: "
                    + (c.problems().isEmpty() ? "no images" : c.problems().get(0).getMessage()));
        }
        return c.value();
    }
}
