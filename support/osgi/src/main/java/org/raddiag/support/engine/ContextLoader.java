package org.raddiag.support.engine;

/**
 * Runs code with a bundle's class loader as the thread context class loader. Native engines (DJL's ServiceLoader,
 * ONNX Runtime's native resources) look things up through the TCCL, so their first touch must run inside, and
 * nothing in them may pick up the caller's loader.
 */
public final class ContextLoader {
    private ContextLoader() {
    }

    /** Code that returns a value and may throw {@code E}. */
    @FunctionalInterface
    public interface Body<T, E extends Exception> {
        T call() throws E;
    }

    /** {@code body}'s result, computed with {@code loader} as the context class loader of this thread. */
    public static <T, E extends Exception> T call(ClassLoader loader, Body<T, E> body) throws E {
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
