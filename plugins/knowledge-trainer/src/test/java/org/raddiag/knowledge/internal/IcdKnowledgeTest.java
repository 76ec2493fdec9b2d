package org.raddiag.knowledge.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class IcdKnowledgeTest {
    private static final String HIERARCHY = "{\"I00-I99\": {\"I60-I69\": {\"I63\": {\"I63.0\": {}}, \"I61\": {}},"
            + " \"I20-I25\": {\"I21\": {}}}, \"J00-J99\": {\"J80-J84\": {\"J84\": {}}}}";

    @Test
    void theBundledMapHasTheRp3dDisordersWithTheirBlocksAndChapters() throws IOException {
        IcdKnowledge k = IcdKnowledge.bundled();
        assertEquals(5569, k.size());
        assertEquals(930, new HashSet<>(k.codes()).size());
        int i = k.names().indexOf("Anterior circulation infarction");
        assertEquals("I63", k.codes().get(i));
        assertEquals("I60-I69", k.blocks().get(i));
        assertEquals("I00-I99", k.chapters().get(i));
    }

    @Test
    void aSampleIsMadeOfWholeCodesAndIsSeeded() throws IOException {
        IcdKnowledge k = IcdKnowledge.bundled();
        IcdKnowledge s = k.sample(300, 7);
        assertEquals(300, s.size());
        assertEquals(s, k.sample(300, 7));
        assertTrue(!s.equals(k.sample(300, 8)));
        assertEquals(k, k.sample(0, 7));
    }

    @Test
    void badFilesAreRefusedNamingTheFileAndTheEntry() {
        IOException e = assertThrows(IOException.class, () -> parse("{\"Stroke\": \"I63\", \"Pneumonia\": \"Z99\"}"));
        assertEquals("d.json: code Z99 of 'Pneumonia' is not in h.json", e.getMessage());
        e = assertThrows(IOException.class, () -> parse("{\"Stroke\": 3, \"X\": \"I63\"}"));
        assertEquals("d.json: disorder 'Stroke' has no ICD-10 code string", e.getMessage());
        e = assertThrows(IOException.class, () -> parse("[1, 2]"));
        assertEquals("d.json: not a JSON object", e.getMessage());
        e = assertThrows(IOException.class, () -> parse("{\"Stroke\": "));
        assertTrue(e.getMessage().startsWith("d.json: not valid JSON"), e.getMessage());
        e = assertThrows(IOException.class, () -> parse("{\"Stroke\": \"I63\"}"));
        assertEquals("d.json: needs at least 2 disorders, has 1", e.getMessage());
    }

    @Test
    void noBreakSpacesInNamesAreSpaces() throws IOException {
        IcdKnowledge k = parse("{\"Lung\u00a0fibrosis\": \"J84\", \"Stroke\": \"I63\"}");
        assertEquals("Lung fibrosis", k.names().get(0));
    }

    static IcdKnowledge parse(String dict) throws IOException {
        return IcdKnowledge.parse(new ByteArrayInputStream(dict.getBytes(StandardCharsets.UTF_8)), "d.json",
                new ByteArrayInputStream(HIERARCHY.getBytes(StandardCharsets.UTF_8)), "h.json");
    }

    /** Six disorders: I63 x3, I61 (same block), I21 (same chapter), J84 (other chapter). */
    static IcdKnowledge small() throws IOException {
        return parse("{\"a stroke\": \"I63\", \"b infarct\": \"I63\", \"c ischaemia\": \"I63\", \"d bleed\": \"I61\","
                + " \"e heart attack\": \"I21\", \"f fibrosis\": \"J84\"}");
    }
}
