package org.raddiag.engine.pytorch.internal;

import java.util.concurrent.Callable;

/**
 * Runs DJL calls with this bundle's class loader as the thread context class loader. DJL finds its engine
 * (ServiceLoader) and its native resources through the TCCL, so at least the first touch must run inside.
 */
final class DjlContext {
    private DjlContext() {
    }

    static <T> T call(Callable<T> body) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(DjlContext.class.getClassLoader());
        try {
            return body.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
