package org.raddiag.checkpoint.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.checkpoint.DType;

/** The inert values the restricted unpickler can produce besides strings, numbers, booleans and null. */
public final class PickleObjects {
    private PickleObjects() {
    }

    /** A Python tuple. */
    public record Tuple(List<Object> items) {
        public Tuple {
            items = List.copyOf(items.stream().map(o -> o == null ? NONE : o).toList());
        }

        public Object get(int i) {
            Object o = items.get(i);
            return o == NONE ? null : o;
        }

        public int size() {
            return items.size();
        }
    }

    /** Stand-in for Python None inside immutable lists. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    /** A dict or OrderedDict; {@link #state} holds what a BUILD set on it (e.g. torch's {@code _metadata}). */
    public static final class Dict extends LinkedHashMap<Object, Object> {
        private static final long serialVersionUID = 1L;
        public final transient Map<Object, Object> state = new LinkedHashMap<>();
    }

    /** A global the unpickler accepts. It is only a name: nothing is looked up or executed. */
    public record Global(String module, String name, Kind kind, DType storageType) {
        private static final Map<String, Global> ALLOWED = new HashMap<>();

        static {
            allow("collections", "OrderedDict", Kind.ORDERED_DICT, null);
            allow("torch._utils", "_rebuild_tensor_v2", Kind.REBUILD_TENSOR_V2, null);
            allow("torch._utils", "_rebuild_parameter", Kind.REBUILD_PARAMETER, null);
            Object[][] storages = {{"FloatStorage", DType.F32}, {"DoubleStorage", DType.F64},
                {"HalfStorage", DType.F16}, {"BFloat16Storage", DType.BF16}, {"LongStorage", DType.I64},
                {"IntStorage", DType.I32}, {"ShortStorage", DType.I16}, {"CharStorage", DType.I8},
                {"ByteStorage", DType.U8}, {"BoolStorage", DType.BOOL}};
            for (Object[] s : storages) {
                allow("torch", (String) s[0], Kind.STORAGE_TYPE, (DType) s[1]);
            }
        }

        private static void allow(String module, String name, Kind kind, DType type) {
            ALLOWED.put(module + "." + name, new Global(module, name, kind, type));
        }

        /** The global a state dict may name as {@code module.name}, or null for any other. */
        public static Global allowed(String module, String name) {
            return ALLOWED.get(module + "." + name);
        }

        public String qualifiedName() {
            return module + "." + name;
        }
    }

    /** What an accepted global stands for. */
    public enum Kind { ORDERED_DICT, REBUILD_TENSOR_V2, REBUILD_PARAMETER, STORAGE_TYPE }

    /** A torch storage record from a persistent id: {@code ('storage', type, key, location, numel)}. */
    public record StorageRef(String key, DType type, String location, long numel) {
    }

    /** A tensor view on a storage, as {@code torch._utils._rebuild_tensor_v2} describes it. */
    public record TensorRef(StorageRef storage, long offset, long[] size, long[] stride) {
    }
}
