package org.raddiag.dataset.phantom.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.LabelSet;
import org.raddiag.api.data.Modality;
import org.raddiag.api.data.Plane;
import org.raddiag.api.data.Sample;
import org.raddiag.api.data.Scan;
import org.raddiag.api.io.ModalityReader;
import org.raddiag.api.io.ReadException;
import org.raddiag.api.io.ReadOptions;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.support.home.RaddiagHome;

/**
 * The phantom dataset as a {@link DatasetSource} ({@code raddiag.kind=dataset}, {@code raddiag.dataset=phantom}),
 * configured through ConfigAdmin (PID {@code org.raddiag.dataset.phantom}). The dataset is generated on first use
 * (or kept when the folder already holds it) and read back through a NumPy reader service
 * ({@code raddiag.format=npy}); key slices come from the case files.
 */
@Component(service = DatasetSource.class, configurationPid = PhantomDatasetSource.PID,
        property = {"raddiag.kind=dataset", "raddiag.dataset=phantom"})
@Designate(ocd = PhantomConfig.class)
public final class PhantomDatasetSource implements DatasetSource {
    public static final String PID = "org.raddiag.dataset.phantom";

    @Reference(target = "(raddiag.format=npy)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModalityReader npyReader;

    private volatile PhantomSpec spec = PhantomSpec.defaults();
    private volatile Path folder = RaddiagHome.current().phantom();
    private Map<Split, JsonObject> cases;
    private Map<String, JsonObject> byId;

    public PhantomDatasetSource() {
    }

    /** For use without a framework: a fixed spec, folder and reader. */
    public PhantomDatasetSource(PhantomSpec spec, Path folder, ModalityReader npyReader) {
        this.spec = spec;
        this.folder = folder.toAbsolutePath();
        this.npyReader = npyReader;
    }

    @Activate
    @Modified
    synchronized void configure(PhantomConfig c) {
        spec = PhantomSpec.builder().seed(c.seed()).cases(c.trainCases(), c.validCases(), c.testCases())
                .size(c.size()).slices(c.minSlices(), c.maxSlices())
                .labels(c.labelCount(), c.headCount(), c.mediumCount()).niftiCases(c.niftiCases()).build();
        folder = c.folder().isBlank() ? RaddiagHome.current().phantom() : Paths.get(c.folder().trim()).toAbsolutePath();
        cases = null;
        byId = null;
    }

    @Override
    public String name() {
        return "phantom";
    }

    @Override
    public LabelSet labels() {
        return PhantomDataset.labels(spec);
    }

    /** Generates (or checks) the dataset now. */
    public PhantomDescription prepare() throws IOException {
        PhantomDescription d = PhantomDataset.generate(spec, folder);
        synchronized (this) {
            cases = null;
            byId = null;
        }
        return d;
    }

    @Override
    public List<String> caseIds(Split split) throws IOException {
        return new ArrayList<>(caseFiles().get(split).keySet());
    }

    @Override
    public Case load(String caseId) throws IOException {
        JsonObject c = index().get(caseId);
        if (c == null) {
            throw new NoSuchElementException("no phantom case '" + caseId + "' in " + folder);
        }
        ModalityReader reader = npyReader;
        if (reader == null) {
            throw new IOException("no NumPy reader (raddiag.format=npy) is available to read " + folder);
        }
        List<Sample> samples = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        JsonArray mods = c.getAsJsonArray("Modalities");
        JsonArray sampleArray = c.getAsJsonArray("Samples");
        JsonArray keys = c.getAsJsonArray("key_slice");
        for (int i = 0; i < sampleArray.size(); i++) {
            JsonObject s = sampleArray.get(i).getAsJsonObject();
            if (i == 0) {
                s.getAsJsonArray("articles").forEach(e -> labels.add(e.getAsString()));
            }
            Modality m = Modality.parse(mods.get(i).getAsString());
            JsonArray data = s.getAsJsonArray("image_data_path");
            JsonArray planes = s.getAsJsonArray("plane_projection");
            JsonObject key = keys.get(i).getAsJsonObject();
            List<Scan> scans = new ArrayList<>();
            for (int j = 0; j < data.size(); j++) {
                Path p = folder.resolve(data.get(j).getAsString());
                Scan read;
                try {
                    read = reader.read(p, ReadOptions.defaults().withModalityHint(m)).get(0);
                } catch (ReadException e) {
                    throw new IOException("case " + caseId + ": " + e.getMessage(), e);
                }
                scans.add(new Scan(read.volume(), m, Plane.parse(planes.get(j).getAsString()),
                        key.get("image_" + j).getAsInt(), data.get(j).getAsString()));
            }
            samples.add(new Sample(m, scans));
        }
        return new Case(caseId, samples, labels);
    }

    private synchronized Map<Split, JsonObject> caseFiles() throws IOException {
        if (cases == null) {
            PhantomDataset.generate(spec, folder);
            Map<Split, JsonObject> m = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                Path f = folder.resolve(PhantomDescription.caseFileName(s));
                try {
                    JsonElement e = JsonParser.parseString(Files.readString(f, StandardCharsets.UTF_8));
                    m.put(s, e.getAsJsonObject());
                } catch (JsonParseException | IllegalStateException e) {
                    throw new IOException(f + ": not a case file: " + e.getMessage(), e);
                }
            }
            cases = m;
        }
        return cases;
    }

    private synchronized Map<String, JsonObject> index() throws IOException {
        if (byId == null) {
            Map<String, JsonObject> m = new HashMap<>();
            for (JsonObject o : caseFiles().values()) {
                for (String id : o.keySet()) {
                    m.put(id, o.getAsJsonObject(id));
                }
            }
            byId = m;
        }
        return byId;
    }
}
