package org.raddiag.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;
import org.raddiag.api.data.Case;
import org.raddiag.api.train.DatasetLayout;
import org.raddiag.api.train.DatasetSource;
import org.raddiag.api.train.DatasetSource.Split;

/**
 * Dataset plugins reached as services only (what the workflows do): the phantom layout generates its dataset and
 * opens it through the RP3D layout of core, with splits, the label dictionary, scans and key slices intact.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DatasetLayoutsIT extends PaxExamRuntime {
    @Test
    public void phantomLayoutGeneratesAndOpensThroughTheRp3dLayout() throws Exception {
        DatasetLayout phantom = layout("phantom");
        Path dir = Files.createTempDirectory(Path.of("target"), "phantom-layout");
        DatasetSource ds = phantom.open(dir.resolve("data"), Map.of("seed", "5", "cases", "12,4,6", "size", "32",
                "slices", "4,6", "labels", "10,3,3", "niftiCases", "0"));
        assertEquals(List.of(12, 4, 6), List.of(ds.caseIds(Split.TRAIN).size(), ds.caseIds(Split.VALIDATION).size(),
                ds.caseIds(Split.TEST).size()));
        assertEquals(10, ds.labels().size());
        assertEquals("split sizes from dataset.json", 3, ds.labels().headEnd());
        assertEquals(6, ds.labels().mediumEnd());
        Set<String> all = new HashSet<>();
        for (Split s : Split.values()) {
            all.addAll(ds.caseIds(s));
        }
        assertEquals("no case in two splits", 22, all.size());
        Case c = ds.load(ds.caseIds(Split.TRAIN).get(0));
        assertFalse(c.scans().isEmpty());
        assertTrue("key slices are read", c.scans().stream().anyMatch(s -> s.keySlice().isPresent()));
        for (String label : c.labels()) {
            assertTrue(label, ds.labels().indexOf(label).isPresent());
        }
        DatasetSource again = phantom.open(dir.resolve("data"), Map.of("seed", "5", "cases", "12,4,6", "size", "32",
                "slices", "4,6", "labels", "10,3,3", "niftiCases", "0"));
        assertEquals("the same dataset is reused", ds.caseIds(Split.TEST), again.caseIds(Split.TEST));
    }

    @Test
    public void badPhantomOptionsAreNamed() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "phantom-layout");
        try {
            layout("phantom").open(dir, Map.of("cases", "12,4"));
            throw new AssertionError("accepted cases=12,4");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("cases") && e.getMessage().contains("3"));
        }
        try {
            layout("phantom").open(dir, Map.of("colour", "red"));
            throw new AssertionError("accepted an unknown option");
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("colour") && e.getMessage().contains("lesionScale"));
        }
    }

    private DatasetLayout layout(String name) throws Exception {
        Await.until("dataset layout " + name, 60_000, () -> !refs(name).isEmpty());
        return context.getService(refs(name).iterator().next());
    }

    private Collection<ServiceReference<DatasetLayout>> refs(String name) {
        try {
            return context.getServiceReferences(DatasetLayout.class, "(raddiag.dataset=" + name + ")");
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
