package org.raddiag.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.api.data.Case;
import org.raddiag.api.data.Diagnosis;
import org.raddiag.api.diagnosis.DiagnosisException;
import org.raddiag.api.model.LoadedModel;
import org.raddiag.api.model.ModelInput;
import org.raddiag.api.model.ModelOutput;
import org.raddiag.api.model.ModelPackage;
import org.raddiag.core.cases.CaseLocator;
import org.raddiag.core.cases.LoadedCase;
import org.raddiag.core.diagnosis.DiagnosisAssembler;
import org.raddiag.core.preprocess.CaseTensorizer;
import org.raddiag.core.preprocess.CaseTensors;
import org.raddiag.core.preprocess.TensorizerSettings;

/**
 * One model package loaded on one backend, with the readers and case layouts to feed it: {@link #locate} turns a
 * path into cases exactly as {@code raddiag diagnose} does, {@link #diagnose} runs the framework's tensorizer, the
 * backend's model runner and result assembly on a case. Thread-safe; build it once per JVM (the model and the
 * backend's natives load once) with {@link #builder()}, and close it at the end.
 */
public final class EmbeddedPipeline implements AutoCloseable {
    private final ModelPackage pkg;
    private final LoadedModel model;
    private final CaseLocator locator;
    private final CaseTensorizer tensorizer;
    private final double loadMs;

    EmbeddedPipeline(ModelPackage pkg, LoadedModel model, CaseLocator locator, double loadMs) {
        this.pkg = pkg;
        this.model = model;
        this.locator = locator;
        this.tensorizer = new CaseTensorizer(TensorizerSettings.of(pkg.architecture()));
        this.loadMs = loadMs;
    }

    /** A builder: {@code EmbeddedPipeline.builder().model(folder).backend("onnxruntime").build()}. */
    public static EmbeddedPipelineBuilder builder() {
        return new EmbeddedPipelineBuilder();
    }

    /** The verified model package. */
    public ModelPackage modelPackage() {
        return pkg;
    }

    /** The backend the model runs on ({@code pytorch} or {@code onnxruntime}). */
    public String backend() {
        return model.backend();
    }

    /** How long loading the model took (milliseconds, natives included when this was the first model). */
    public double loadMillis() {
        return loadMs;
    }

    /**
     * The cases at {@code path} (an RP3D case file, a case folder, a scan file or series folder), each with the files
     * that could not be read; {@code caseId} picks one case of an RP3D file (null: all).
     *
     * @throws IOException when the path does not exist or a case file cannot be parsed
     */
    public List<LoadedCase> locate(Path path, String caseId) throws IOException {
        return locator.locate(path, caseId);
    }

    /**
     * The diagnosis of {@code c}, every class when {@code topK} is 0, with the timings {@code preprocess},
     * {@code inference} and {@code total} in milliseconds.
     *
     * @throws DiagnosisException when the case has no readable scan or the model fails on it
     */
    public Diagnosis diagnose(Case c, int topK) throws DiagnosisException {
        if (c.samples().isEmpty()) {
            throw new DiagnosisException("case " + c.id() + " has no readable scan");
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        CaseTensors tensors = tensorizer.tensorize(c, pkg.labels());
        timings.put("preprocess", ms(t0));
        ModelInput input = DiagnosisAssembler.input(tensors);
        long t1 = System.nanoTime();
        ModelOutput out;
        try {
            out = model.predict(input);
        } catch (RuntimeException e) {
            throw new DiagnosisException("model " + pkg.ref() + " failed on case " + c.id() + ": " + e.getMessage(), e);
        }
        timings.put("inference", ms(t1));
        timings.put("total", ms(t0));
        return DiagnosisAssembler.assemble(c.id(), pkg, model.backend(), tensors, out, topK, timings);
    }

    @Override
    public void close() {
        model.close();
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
