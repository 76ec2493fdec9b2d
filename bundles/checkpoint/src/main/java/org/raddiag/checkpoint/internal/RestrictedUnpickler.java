package org.raddiag.checkpoint.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.raddiag.checkpoint.internal.PickleObjects.Dict;
import org.raddiag.checkpoint.internal.PickleObjects.Global;
import org.raddiag.checkpoint.internal.PickleObjects.Kind;
import org.raddiag.checkpoint.internal.PickleObjects.StorageRef;
import org.raddiag.checkpoint.internal.PickleObjects.TensorRef;
import org.raddiag.checkpoint.internal.PickleObjects.Tuple;

/**
 * A pickle interpreter for torch state dicts that executes nothing. It knows only the globals a state dict needs
 * ({@code collections.OrderedDict}, {@code torch._utils._rebuild_tensor_v2}/{@code _rebuild_parameter} and the
 * {@code torch.*Storage} types) and models each as an inert value; any other global, any call of something else
 * and any object-building opcode (INST, OBJ, NEWOBJ, EXT*) is refused with a {@link PickleRefusedException}.
 */
public final class RestrictedUnpickler {
    private final PickleInput in;
    private final List<Object> stack = new ArrayList<>();
    private final List<Integer> marks = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private RestrictedUnpickler(byte[] data, String source) {
        this.in = new PickleInput(data, source);
    }

    /**
     * Interprets {@code pickle}; {@code source} names it in error messages.
     *
     * @throws PickleRefusedException for a disallowed global, call or opcode, or a malformed pickle
     */
    public static Object load(byte[] pickle, String source) {
        return new RestrictedUnpickler(pickle, source).run();
    }

    private Object run() {
        while (true) {
            int op = in.u8();
            switch (op) {
                case 0x80: { // PROTO
                    int p = in.u8();
                    if (p > 5) {
                        throw refuse("unsupported pickle protocol " + p);
                    }
                    break;
                }
                case 0x95: in.skip(8); break; // FRAME
                case '.': { // STOP
                    Object result = pop();
                    if (!stack.isEmpty() || !marks.isEmpty()) {
                        throw refuse("stack not empty at STOP");
                    }
                    return result;
                }
                case '(': marks.add(stack.size()); break;
                case '0': pop(); break;
                case '1': popMark(); break;
                case '2': push(peek()); break;
                case 'N': push(null); break;
                case 0x88: push(Boolean.TRUE); break;
                case 0x89: push(Boolean.FALSE); break;
                case 'J': push((long) in.s32()); break;
                case 'K': push((long) in.u8()); break;
                case 'M': push((long) (in.u8() | (in.u8() << 8))); break;
                case 0x8a: push(in.longBytes(in.u8())); break;
                case 0x8b: push(in.longBytes(in.length(in.s32()))); break;
                case 'G': push(Double.longBitsToDouble(in.beLong())); break;
                case 'X': push(in.utf8(in.length(in.s32()))); break;
                case 0x8c: push(in.utf8(in.u8())); break;
                case 0x8d: push(in.utf8(in.length(in.s64()))); break;
                case 'T': push(in.latin1(in.length(in.s32()))); break;
                case 'U': push(in.latin1(in.u8())); break;
                case 'B': push(in.bytes(in.length(in.s32()))); break;
                case 'C': push(in.bytes(in.u8())); break;
                case 0x8e: push(in.bytes(in.length(in.s64()))); break;
                case ')': push(new Tuple(List.of())); break;
                case 't': push(new Tuple(popMark())); break;
                case 0x85: push(new Tuple(popN(1))); break;
                case 0x86: push(new Tuple(popN(2))); break;
                case 0x87: push(new Tuple(popN(3))); break;
                case ']': push(new ArrayList<>()); break;
                case 'l': push(new ArrayList<>(popMark())); break;
                case 'a': { Object v = pop(); list(peek()).add(v); break; }
                case 'e': { List<Object> items = popMark(); list(peek()).addAll(items); break; }
                case '}': push(new Dict()); break;
                case 'd': { Dict d = new Dict(); putAll(d, popMark()); push(d); break; }
                case 's': { Object v = pop(); Object k = pop(); dict(peek()).put(k, v); break; }
                case 'u': { List<Object> items = popMark(); putAll(dict(peek()), items); break; }
                case 'c': push(global(in.line(), in.line())); break;
                case 0x93: { Object name = pop(); Object module = pop(); push(global(str(module), str(name))); break; }
                case 'R': { Tuple args = tuple(pop()); push(reduce(pop(), args)); break; }
                case 'b': build(); break;
                case 'Q': push(persistentLoad(pop())); break;
                case 'q': memo.put((long) in.u8(), peek()); break;
                case 'r': memo.put(in.s32() & 0xffffffffL, peek()); break;
                case 0x94: memo.put((long) memo.size(), peek()); break;
                case 'h': push(memoGet(in.u8())); break;
                case 'j': push(memoGet(in.s32() & 0xffffffffL)); break;
                case 'i': throw refuse("opcode INST (builds an arbitrary object) is not allowed");
                case 'o': throw refuse("opcode OBJ (builds an arbitrary object) is not allowed");
                case 0x81: throw refuse("opcode NEWOBJ (builds an arbitrary object) is not allowed");
                case 0x92: throw refuse("opcode NEWOBJ_EX (builds an arbitrary object) is not allowed");
                case 0x82: case 0x83: case 0x84: throw refuse("extension-registry opcodes are not allowed");
                default: throw refuse(String.format("unsupported pickle opcode 0x%02x at offset %d", op, in.position() - 1));
            }
        }
    }

    private Object global(String module, String name) {
        Global g = Global.allowed(module, name);
        if (g == null) {
            throw refuse("global '" + module + "." + name + "' is not allowed in a state dict (only "
                    + "collections.OrderedDict, torch._utils._rebuild_tensor_v2/_rebuild_parameter and torch.*Storage)");
        }
        return g;
    }

    private Object reduce(Object callable, Tuple args) {
        if (!(callable instanceof Global)) {
            throw refuse("REDUCE on a non-allowed callable " + describe(callable));
        }
        Global g = (Global) callable;
        switch (g.kind()) {
            case ORDERED_DICT: {
                Dict d = new Dict();
                if (args.size() == 1 && args.get(0) instanceof List) {
                    for (Object pair : (List<?>) args.get(0)) {
                        Tuple kv = tuple(pair);
                        d.put(kv.get(0), kv.get(1));
                    }
                } else if (args.size() != 0) {
                    throw refuse("OrderedDict called with unexpected arguments");
                }
                return d;
            }
            case REBUILD_TENSOR_V2: {
                if (args.size() < 6 || !(args.get(0) instanceof StorageRef)) {
                    throw refuse("_rebuild_tensor_v2 called with unexpected arguments " + args.items());
                }
                return new TensorRef((StorageRef) args.get(0), num(args.get(1)), longs(args.get(2)),
                        longs(args.get(3)));
            }
            case REBUILD_PARAMETER: {
                if (args.size() < 1 || !(args.get(0) instanceof TensorRef)) {
                    throw refuse("_rebuild_parameter called with unexpected arguments");
                }
                return args.get(0);
            }
            default:
                throw refuse("REDUCE on a non-allowed callable '" + g.qualifiedName() + "'");
        }
    }

    private void build() {
        Object state = pop();
        Object target = peek();
        if (!(target instanceof Dict)) {
            throw refuse("BUILD on " + describe(target) + " is not allowed");
        }
        if (state instanceof Map) {
            ((Dict) target).state.putAll((Map<?, ?>) state);
        } else if (state != null) {
            throw refuse("BUILD with a non-dict state is not allowed");
        }
    }

    private Object persistentLoad(Object pid) {
        Tuple t = tuple(pid);
        if (t.size() != 5 || !"storage".equals(t.get(0)) || !(t.get(1) instanceof Global)
                || ((Global) t.get(1)).kind() != Kind.STORAGE_TYPE) {
            throw refuse("persistent id " + t.items() + " is not a torch storage record");
        }
        return new StorageRef(str(t.get(2)), ((Global) t.get(1)).storageType(), str(t.get(3)), num(t.get(4)));
    }

    private void putAll(Dict d, List<Object> items) {
        if (items.size() % 2 != 0) {
            throw refuse("odd number of items for a dict");
        }
        for (int i = 0; i < items.size(); i += 2) {
            d.put(items.get(i), items.get(i + 1));
        }
    }

    private List<Object> popMark() {
        if (marks.isEmpty()) {
            throw refuse("no MARK on the stack");
        }
        int at = marks.remove(marks.size() - 1);
        List<Object> sub = stack.subList(at, stack.size());
        List<Object> items = new ArrayList<>(sub);
        sub.clear();
        return items;
    }

    private List<Object> popN(int n) {
        if (stack.size() - n < floor()) {
            throw refuse("stack underflow");
        }
        List<Object> sub = stack.subList(stack.size() - n, stack.size());
        List<Object> items = new ArrayList<>(sub);
        sub.clear();
        return items;
    }

    private int floor() {
        return marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    }

    private void push(Object o) {
        stack.add(o);
    }

    private Object pop() {
        if (stack.size() <= floor()) {
            throw refuse("stack underflow");
        }
        return stack.remove(stack.size() - 1);
    }

    private Object peek() {
        if (stack.size() <= floor()) {
            throw refuse("stack underflow");
        }
        return stack.get(stack.size() - 1);
    }

    private Object memoGet(long i) {
        if (!memo.containsKey(i)) {
            throw refuse("memo entry " + i + " is missing");
        }
        return memo.get(i);
    }

    private String str(Object o) {
        if (!(o instanceof String)) {
            throw refuse("expected a string, got " + describe(o));
        }
        return (String) o;
    }

    private long num(Object o) {
        if (!(o instanceof Long)) {
            throw refuse("expected an integer, got " + describe(o));
        }
        return (Long) o;
    }

    private long[] longs(Object o) {
        Tuple t = tuple(o);
        long[] v = new long[t.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = num(t.get(i));
        }
        return v;
    }

    private Tuple tuple(Object o) {
        if (!(o instanceof Tuple)) {
            throw refuse("expected a tuple, got " + describe(o));
        }
        return (Tuple) o;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(Object o) {
        if (!(o instanceof List)) {
            throw refuse("APPEND on " + describe(o));
        }
        return (List<Object>) o;
    }

    private Dict dict(Object o) {
        if (!(o instanceof Dict)) {
            throw refuse("SETITEM on " + describe(o));
        }
        return (Dict) o;
    }

    private static String describe(Object o) {
        if (o instanceof Global) {
            return "'" + ((Global) o).qualifiedName() + "'";
        }
        return o == null ? "None" : o.getClass().getSimpleName();
    }

    private PickleRefusedException refuse(String what) {
        return in.refuse(what);
    }
}
