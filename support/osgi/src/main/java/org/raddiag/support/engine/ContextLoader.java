package org.raddiag.support.engine;

import java.util.concurrent.Callable;

/**
 * Runs code with a bundle's class loader as the thread context class loader. Native engines (DJL's ServiceLoader,
 * ONNX Runtime's native resources) look things up through the TCCL, so their first touch must run inside, and
 * nothing in them may pick up the caller's loader.
 */
public final class ContextLoader {
    private ContextLoader() {
    }

    /** {@code body}'s result, computed with {@code loader} as the context class loader of this thread. */
    public static <T> T call(ClassLoader loader, Callable<T> body) throws Exception {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(loader);
        try {
            return body.call();
        } finally {
            t.setContextClassLoader(previous);
        }
    }
}
