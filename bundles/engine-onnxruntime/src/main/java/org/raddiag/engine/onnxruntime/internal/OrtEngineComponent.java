package org.raddiag.engine.onnxruntime.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.compute.ComputeBackend;
import org.raddiag.api.compute.EngineStatus;
import org.raddiag.support.engine.NativeEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-lived ONNX Runtime engine ({@link NativeEngine}: {@link EngineStatus} at once, then on a background thread
 * the natives and the self-test, and only then the {@link ComputeBackend}). Before ORT starts, stale native folders
 * that crashed JVMs left behind are cleaned. A stop does not wait for a start under way: that start closes its
 * backend when it ends.
 */
@Component(immediate = true, configurationPid = OrtEngineComponent.PID, service = {})
@Designate(ocd = OrtEngineConfig.class)
public class OrtEngineComponent extends NativeEngine<OrtBackend> {
    static final String PID = "org.raddiag.engine.onnxruntime";
    private static final Logger LOG = LoggerFactory.getLogger(OrtEngineComponent.class);

    private OrtEngineConfig config;

    public OrtEngineComponent() {
        super(OrtBackend.NAME, Duration.ZERO);
    }

    @Activate
    void activate(BundleContext context, OrtEngineConfig c) {
        config = c;
        start(context);
    }

    @Deactivate
    void deactivate() {
        stop();
    }

    @Override
    protected OrtBackend startEngine() throws Exception {
        if (config.cleanStaleTempDirs()) {
            cleanStaleTempDirs(Duration.ofMinutes(config.staleTempMinAgeMinutes()));
        }
        int intra = config.intraOpThreads() > 0 ? config.intraOpThreads() : Runtime.getRuntime().availableProcessors();
        return OrtEngineStarter.start(intra, config.interOpThreads(), config.useCuda());
    }

    private static void cleanStaleTempDirs(Duration minAge) {
        try {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toRealPath();
            Instant jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            Instant oldEnough = Instant.now().minus(minAge);
            Instant cutoff = jvmStart.isBefore(oldEnough) ? jvmStart : oldEnough;
            StaleTempCleaner.Result r = new StaleTempCleaner(tmp, System.getProperty("user.name"), cutoff)
                    .clean(ProcMaps.mappedUnder(Path.of("/proc"), tmp));
            if (!r.deleted().isEmpty()) {
                LOG.info("Removed {} stale ONNX Runtime native folder(s) from {} ({} bytes): {}",
                        r.deleted().size(), tmp, r.bytesFreed(), r.deleted());
            }
        } catch (Exception e) {
            LOG.warn("Could not clean stale ONNX Runtime native folders: {}", e.toString());
        }
    }
}
