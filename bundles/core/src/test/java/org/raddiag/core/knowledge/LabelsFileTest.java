package org.raddiag.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelsFileTest {
    @TempDir
    Path dir;

    @Test
    void linesInOrderTrailingBlankLinesIgnored() throws IOException {
        assertEquals(List.of("pneumonia", "pleural effusion"), LabelsFile.read(write("l.txt", "pneumonia\r\n pleural effusion \n\n")));
    }

    @Test
    void dictionaryIsOrderedByIndex() throws IOException {
        assertEquals(List.of("a", "b", "c"), LabelsFile.read(write("d.json", "{\"c\": 2, \"a\": 0, \"b\": 1}")));
    }

    @Test
    void theRp3dDictionaryReads() throws IOException {
        Path dict = Path.of(System.getProperty("raddiag.testdata"), "rp3d-demo", "disorder_label_dict.json");
        List<String> names = LabelsFile.read(dict);
        assertEquals(5569, names.size());
    }

    @Test
    void badFilesAreNamedWithTheReason() throws IOException {
        assertMessage(write("e.txt", "a\n\nb\n"), "line 2: empty label");
        assertMessage(write("dup.txt", "a\nb\na\n"), "'a' appears twice");
        assertMessage(write("empty.txt", "\n\n"), "no labels");
        assertMessage(write("gap.json", "{\"a\": 0, \"b\": 2}"), "indices must be whole numbers 0..1");
        assertMessage(write("twice.json", "{\"a\": 0, \"b\": 0}"), "index 0 is used by both");
        assertMessage(write("list.json", "[\"a\"]"), "must be an object");
        assertMessage(write("broken.json", "{\"a\": "), "not valid JSON");
        assertMessage(dir.resolve("missing.txt"), "no such labels file");
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {'c', 'a', 'f', (byte) 0xe9});
        assertMessage(latin1, "not UTF-8");
    }

    private void assertMessage(Path file, String part) {
        IOException e = assertThrows(IOException.class, () -> LabelsFile.read(file));
        assertTrue(e.getMessage().contains(part) && e.getMessage().contains(file.toString()), e.getMessage());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
