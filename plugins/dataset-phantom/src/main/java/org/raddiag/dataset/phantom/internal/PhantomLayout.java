package org.raddiag.dataset.phantom.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.DatasetSource;

/**
 * {@code --dataset phantom:FOLDER}: generates the phantom dataset into the folder (options: {@link PhantomOptions};
 * a folder already holding the same dataset is reused, one holding another is refused) and opens it through the
 * RP3D layout service, exactly as a dataset on disk would be read. Workflows reach it as a
 * {@link DatasetLayout} named {@code phantom}; they never import this plugin.
 */
@Component(property = {"raddiag.kind=dataset-layout", "raddiag.dataset=phantom"})
public final class PhantomLayout implements DatasetLayout {
    @Reference(target = "(raddiag.dataset=rp3d)")
    private DatasetLayout rp3d;

    public PhantomLayout() {
    }

    /** For use without a framework: the RP3D layout that reads the generated files. */
    PhantomLayout(DatasetLayout rp3d) {
        this.rp3d = rp3d;
    }

    @Override
    public String name() {
        return "phantom";
    }

    @Override
    public DatasetSource open(Path folder, Map<String, String> options) throws IOException {
        PhantomSpec spec = PhantomOptions.spec(options);
        PhantomDataset.generate(spec, folder);
        return rp3d.open(folder, Map.of());
    }
}
