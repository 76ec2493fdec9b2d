package org.raddiag.core.rest;

import com.google.gson.JsonObject;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.raddiag.api.diagnosis.DiagnosisService;
import org.raddiag.api.model.ModelRef;
import org.raddiag.api.model.ModelRegistry;
import org.raddiag.core.io.ReaderRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API under {@code /api/v1} (an HTTP Whiteboard servlet; see {@code openapi.json} for the contract). Logs
 * request ids, sizes, statuses and timings only: never file names, case ids or other client data.
 */
@Component(service = Servlet.class, configurationPid = "org.raddiag.rest", property = {
        "osgi.http.whiteboard.servlet.pattern=/api/v1/*", "osgi.http.whiteboard.servlet.name=raddiag-api"})
@Designate(ocd = RestConfig.class)
public final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    private static final Pattern SLICE = Pattern.compile("/diagnoses/(d-[0-9a-f]+)/scans/(\\d{1,3})/slices/(\\d{1,4})\\.png");
    private static final Pattern DIAGNOSIS = Pattern.compile("/diagnoses/(d-[0-9a-f]+)");

    @Reference
    private transient ReaderRegistry readers;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile DiagnosisService diagnosis;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ModelRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configAdmin;

    private transient BundleContext context;
    private transient volatile RestConfig config;
    private transient volatile Semaphore slots;
    private transient volatile String defaultModel;
    private transient volatile DiagnosisStore store;

    @Activate
    void activate(BundleContext ctx, RestConfig c) {
        this.context = ctx;
        this.store = new DiagnosisStore(c.storedDiagnoses());
        configure(c);
    }

    @Modified
    void configure(RestConfig c) {
        this.config = c;
        this.slots = new Semaphore(Math.max(1, c.maxConcurrentDiagnoses()), true);
        this.defaultModel = c.defaultModel();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rid = Ids.next("r-");
        long t0 = System.nanoTime();
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        int status = 200;
        resp.setHeader("X-Request-Id", rid);
        try {
            status = route(req.getMethod(), path, req, resp, rid);
        } catch (ApiError e) {
            status = e.status;
            if (e instanceof Diagnoser.UnreadableCase) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("error", e.getMessage());
                m.put("status", e.status);
                m.put("requestId", rid);
                m.put("unreadableFiles", ((Diagnoser.UnreadableCase) e).problems);
                JsonOut.send(resp, e.status, m);
            } else {
                if (e.status == 429) {
                    resp.setHeader("Retry-After", "1");
                }
                if (e.status == 401) {
                    resp.setHeader("WWW-Authenticate", "Bearer realm=\"raddiag-admin\"");
                }
                JsonOut.error(resp, e.status, e.getMessage(), rid);
            }
        } catch (org.raddiag.support.files.LimitedInputStream.TooLarge e) {
            status = 413;
            JsonOut.error(resp, 413, e.getMessage(), rid);
        } catch (EOFException e) {
            status = 400;
            JsonOut.error(resp, 400, "request body ended early (truncated upload?)", rid);
        } catch (RuntimeException e) {
            status = 500;
            LOG.warn("{} {} {} failed: {}", rid, req.getMethod(), route(path), e.toString());
            JsonOut.error(resp, 500, "internal error (request " + rid + ")", rid);
        }
        LOG.info("{} {} {} -> {} in {} ms", rid, req.getMethod(), route(path), status,
                Math.round((System.nanoTime() - t0) / 1e6));
    }

    /** The route template of a path, for logs (ids replaced). */
    /** {@code path} with ids and numbers replaced by placeholders, for messages and logs. */
    static String route(String path) {
        return path.replaceAll("/d-[0-9a-f]+", "/{id}").replaceAll("/\\d+", "/{n}").replaceAll("[^/A-Za-z0-9_.{}-]", "?");
    }

    private int route(String method, String path, HttpServletRequest req, HttpServletResponse resp, String rid)
            throws IOException, ApiError {
        boolean get = method.equals("GET") || method.equals("HEAD");
        boolean post = method.equals("POST");
        if (get && path.equals("/health")) {
            return send(resp, 200, Map.of("status", "UP"));
        }
        if (get && path.equals("/ready")) {
            return ready(resp);
        }
        if (get && path.equals("/models")) {
            return send(resp, 200, RuntimeView.models(registry(), defaultModel));
        }
        if (get && path.equals("/plugins")) {
            return send(resp, 200, RuntimeView.plugins(context, AdminOps.defaultBackend(configAdmin)));
        }
        if (get && path.equals("/openapi.json")) {
            return openApi(resp);
        }
        if (post && path.equals("/diagnoses")) {
            return diagnose(req, resp, rid);
        }
        Matcher m = SLICE.matcher(path);
        if (get && m.matches()) {
            return slice(resp, m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        m = DIAGNOSIS.matcher(path);
        if (get && m.matches()) {
            StoredDiagnosis d = store.get(m.group(1));
            if (d == null) {
                throw new ApiError(404, "no stored diagnosis " + m.group(1) + " (only the most recent are kept)");
            }
            return send(resp, 200, d.json());
        }
        if (path.startsWith("/admin/")) {
            if (!post) {
                throw new ApiError(405, "admin operations are POST");
            }
            AdminApi.authorize(config, req);
            return AdminApi.handle(path, req, resp, rid, new AdminApi.Runtime(context, configAdmin, config, registry,
                    model -> defaultModel = model));
        }
        if (isKnown(path)) {
            throw new ApiError(405, method + " is not allowed on " + route(path));
        }
        throw new ApiError(404, "no such endpoint: " + route(path) + " (see /api/v1/openapi.json)");
    }

    private static boolean isKnown(String path) {
        return List.of("/health", "/ready", "/models", "/plugins", "/openapi.json", "/diagnoses").contains(path);
    }

    private int diagnose(HttpServletRequest req, HttpServletResponse resp, String rid) throws IOException, ApiError {
        RestConfig c = config;
        Semaphore s = slots;
        DiagnosisService ds = diagnosis;
        ModelRegistry reg = registry();
        if (ds == null) {
            throw new ApiError(503, "the diagnosis service is not available yet");
        }
        Map<String, Double> timings = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        UploadReceiver receiver = new UploadReceiver(UploadLimits.of(c), uploadDir(c));
        try (CaseUpload up = receiver.receive(req.getInputStream(), req.getContentType(), req.getContentLengthLong())) {
            timings.put("upload", ms(t0));
            DiagnoseFields f = DiagnoseFields.of(up, req);
            ModelRef ref = Diagnoser.model(f.model(), defaultModel, reg);
            long tq = System.nanoTime();
            boolean acquired;
            try {
                acquired = s.tryAcquire(Math.max(0, c.queueWaitMillis()), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(503, "interrupted while queued");
            }
            if (!acquired) {
                throw new ApiError(429, "too many diagnoses running (" + c.maxConcurrentDiagnoses() + "); retry later");
            }
            timings.put("queue", ms(tq));
            try {
                Map<String, Object> json = new Diagnoser(readers, ds, reg, store).diagnose(up, ref, f.backend(),
                        f.top(), rid, timings);
                timings.put("total", ms(t0));
                json.put("upload", Map.of("files", up.files, "bytes", up.bytes));
                json.put("serverTimingsMs", timings);
                LOG.info("{} diagnosed {} files ({} bytes) with {}:{} on {} in {} ms", rid, up.files, up.bytes,
                        json.get("model"), json.get("version"), json.get("backend"), timings.get("total"));
                return send(resp, 200, json);
            } finally {
                s.release();
            }
        }
    }

    private int slice(HttpServletResponse resp, String id, int n, int k) throws IOException, ApiError {
        StoredDiagnosis d = store.get(id);
        if (d == null) {
            throw new ApiError(404, "no stored diagnosis " + id);
        }
        byte[] px = d.slice(n, k);
        if (px == null) {
            throw new ApiError(404, "no slice " + k + " of scan " + n);
        }
        byte[] png = SlicePng.encode(px, d.size(), d.size());
        resp.setStatus(200);
        resp.setContentType("image/png");
        resp.setHeader("Cache-Control", "private, max-age=3600");
        resp.setContentLength(png.length);
        resp.getOutputStream().write(png);
        return 200;
    }

    private int ready(HttpServletResponse resp) throws IOException {
        Map<String, Object> m = RuntimeView.readiness(context, diagnosis != null, registry);
        return send(resp, Boolean.TRUE.equals(m.get("ready")) ? 200 : 503, m);
    }

    private int openApi(HttpServletResponse resp) throws IOException {
        try (InputStream in = ApiServlet.class.getResourceAsStream("/raddiag-web/openapi.json")) {
            if (in == null) {
                throw new IOException("openapi.json missing from the bundle");
            }
            byte[] b = in.readAllBytes();
            resp.setStatus(200);
            resp.setContentType("application/json");
            resp.setCharacterEncoding("UTF-8");
            resp.getOutputStream().write(b);
        }
        return 200;
    }

    private ModelRegistry registry() throws ApiError {
        ModelRegistry r = registry;
        if (r == null) {
            throw new ApiError(503, "the model registry is not available yet");
        }
        return r;
    }

    private static Path uploadDir(RestConfig c) {
        String d = c.uploadDir();
        return d == null || d.isBlank() ? Paths.get(System.getProperty("java.io.tmpdir")) : Paths.get(d);
    }

    /** Sends {@code body} as JSON with {@code status}; returns the status (for the request log). */
    static int send(HttpServletResponse resp, int status, Object body) throws IOException {
        JsonOut.send(resp, status, body);
        return status;
    }

    private static double ms(long since) {
        return Math.round((System.nanoTime() - since) / 1e4) / 100.0;
    }
}
