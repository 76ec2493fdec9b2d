package org.raddiag.api.model;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Model packages by name and version. Loading verifies checksums and shapes and refuses a mismatch. */
public interface ModelRegistry {
    /** All installed packages, sorted by name then version. */
    List<ModelRef> list();

    /** The package for {@code ref} (newest version when the ref has none). */
    Optional<ModelPackage> find(ModelRef ref);

    /**
     * Installs a package folder or zip into the registry, verifying it first.
     *
     * @throws IOException naming the package and the reason when it is invalid
     */
    ModelRef install(Path packagePath) throws IOException;

    /**
     * Writes a package from its parts, verifies it and installs it (atomically; installed versions are immutable).
     *
     * @throws IOException naming the model and the reason when the parts do not make a valid package
     */
    ModelRef create(ModelDraft draft) throws IOException;
}
