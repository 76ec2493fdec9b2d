package org.raddiag.checkpoint.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.raddiag.checkpoint.DType;
import org.raddiag.checkpoint.internal.PickleObjects.Dict;
import org.raddiag.checkpoint.internal.PickleObjects.TensorRef;
import org.raddiag.checkpoint.testutil.PickleBuilder;

class RestrictedUnpicklerTest {
    @Test
    void protocol4OpcodesAndBuildState() {
        PickleBuilder p = new PickleBuilder().proto(4).op(0x95, 0, 0, 0, 0, 0, 0, 0, 0)
                .shortUnicode("collections").shortUnicode("OrderedDict").op(0x93).op(0x94)
                .emptyTuple().reduce().op(0x94).mark();
        p.shortUnicode("w").op(0x94).tensor("BFloat16Storage", "7", 6, 0, new int[] {2, 3}, new int[] {3, 1});
        p.shortUnicode("w2").op('h', 1); // BINGET 1: the reduced OrderedDict is memo 1 -> use it as a value check
        p.op('u');
        // BUILD state {'f': 1.5, 'n': None, 'l': [2**70, -1, True], 'big': LONG1 -2}
        p.op('}').shortUnicode("f").op('G', 0x3f, 0xf8, 0, 0, 0, 0, 0, 0).op('s');
        p.shortUnicode("n").op('N').op('s');
        p.shortUnicode("l").op(']').mark().op(0x8a, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0x40).int4(-1).op(0x88).op('e')
                .op('s');
        p.shortUnicode("big").op(0x8a, 1, 0xfe).op('s');
        p.op('b').stop();
        Object root = RestrictedUnpickler.load(p.bytes(), "test");
        Dict d = (Dict) root;
        TensorRef w = (TensorRef) d.get("w");
        assertEquals(DType.BF16, w.storage().type());
        assertEquals("7", w.storage().key());
        assertArrayEquals(new long[] {2, 3}, w.size());
        assertSame(d, d.get("w2"));
        Map<Object, Object> state = d.state;
        assertEquals(1.5, state.get("f"));
        assertNull(state.get("n"));
        assertTrue(state.containsKey("n"));
        List<?> l = (List<?>) state.get("l");
        assertEquals(java.math.BigInteger.ONE.shiftLeft(70), l.get(0));
        assertEquals(-1L, l.get(1));
        assertEquals(Boolean.TRUE, l.get(2));
        assertEquals(-2L, state.get("big"));
    }

    @Test
    void malformedPicklesAreRefused() {
        assertThrows(PickleRefusedException.class, () -> RestrictedUnpickler.load(new byte[] {(byte) 0x80, 2}, "t"));
        assertThrows(PickleRefusedException.class,
                () -> RestrictedUnpickler.load(new byte[] {'X', (byte) 0xff, (byte) 0xff, 0, 0, '.'}, "t"));
        assertThrows(PickleRefusedException.class, () -> RestrictedUnpickler.load(new byte[] {'h', 3, '.'}, "t"));
        assertThrows(PickleRefusedException.class, () -> RestrictedUnpickler.load(new byte[] {'a', '.'}, "t"));
        PickleRefusedException e = assertThrows(PickleRefusedException.class,
                () -> RestrictedUnpickler.load(new byte[] {'i', 'o', 's', '\n', 's', '\n', '.'}, "t"));
        assertTrue(e.getMessage().contains("INST"));
    }
}
