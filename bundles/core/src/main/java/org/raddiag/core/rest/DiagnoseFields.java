package org.raddiag.core.rest;

import javax.servlet.http.HttpServletRequest;

/**
 * The settings of a {@code POST /diagnose}: form fields of the upload, else query parameters; checked here so a bad
 * value is a 400 that names it.
 *
 * @param model   the model asked for, or null (the default or the only one)
 * @param backend the backend asked for, or null (the service's)
 * @param top     findings to return, 0 = all (default 10)
 */
record DiagnoseFields(String model, String backend, int top) {
    static DiagnoseFields of(CaseUpload up, HttpServletRequest req) throws ApiError {
        String backend = field(up, req, "backend");
        String top = field(up, req, "top");
        int k;
        try {
            k = top == null || top.isBlank() ? 10 : Integer.parseInt(top.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("top must be a whole number (0 = all)");
        }
        if (k < 0 || k > 100_000) {
            throw ApiError.badRequest("top must be within 0..100000 (0 = all)");
        }
        if (backend != null && !backend.isBlank() && !backend.matches("[A-Za-z0-9._-]{1,64}")) {
            throw ApiError.badRequest("invalid backend name");
        }
        return new DiagnoseFields(field(up, req, "model"), backend == null || backend.isBlank() ? null : backend.trim(),
                k);
    }

    private static String field(CaseUpload up, HttpServletRequest req, String name) {
        String v = up.fields.get(name);
        return v != null ? v : req.getParameter(name);
    }
}
