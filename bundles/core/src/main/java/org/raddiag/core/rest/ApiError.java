package org.raddiag.core.rest;

/** A request that ends with an HTTP error status and a JSON body {@code {"error": message, "status": n}}. */
class ApiError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    ApiError(int status, String message) {
        super(message);
        this.status = status;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError tooLarge(String message) {
        return new ApiError(413, message);
    }
}
