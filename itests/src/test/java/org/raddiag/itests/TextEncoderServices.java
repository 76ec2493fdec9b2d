package org.raddiag.itests;

import static org.junit.Assert.assertNotNull;

import java.util.Collection;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.text.TextEncoder;

/** Text encoder services by name, for the itests of text encoders. */
final class TextEncoderServices {
    private TextEncoderServices() {
    }

    /** The encoder named {@code name}, waiting up to 2 minutes for it to be registered and to start. */
    static TextEncoder await(BundleContext context, String name) throws Exception {
        Await.until("text encoder " + name, 120_000, () -> !refs(context, name).isEmpty());
        TextEncoder e = context.getService(refs(context, name).iterator().next());
        assertNotNull("text encoder " + name + " did not start", e);
        return e;
    }

    /** The registered encoders named {@code name}. */
    static Collection<ServiceReference<TextEncoder>> refs(BundleContext context, String name) {
        try {
            return context.getServiceReferences(TextEncoder.class,
                    "(&(raddiag.kind=" + TextEncoder.KIND + ")(" + TextEncoder.ENCODER + "=" + name + "))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The dot product of two embeddings: their cosine, as encoders give unit vectors. */
    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
