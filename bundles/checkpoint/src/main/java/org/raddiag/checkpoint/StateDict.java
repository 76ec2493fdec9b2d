package org.raddiag.checkpoint;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An ordered map from state-dict key to tensor. Keys that share one storage (PyTorch aliases) map to the same
 * {@link TensorData} instance, and {@link #aliasOf} names the first key that holds it.
 */
public final class StateDict {
    private final Map<String, TensorData> tensors = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();

    /** Adds a tensor under a new key. */
    public StateDict put(String key, TensorData tensor) {
        if (tensors.putIfAbsent(key, tensor) != null) {
            throw new IllegalArgumentException("duplicate state-dict key '" + key + "'");
        }
        return this;
    }

    /** Adds {@code alias} as another name of the tensor stored under {@code canonical}. */
    public StateDict putAlias(String alias, String canonical) {
        String root = aliases.getOrDefault(canonical, canonical);
        TensorData t = tensors.get(root);
        if (t == null) {
            throw new IllegalArgumentException("alias '" + alias + "' points to unknown key '" + canonical + "'");
        }
        put(alias, t);
        aliases.put(alias, root);
        return this;
    }

    public TensorData get(String key) {
        return tensors.get(key);
    }

    /** The tensor under {@code key}, checking its shape; throws if absent or of another shape. */
    public TensorData require(String key, long... shape) {
        TensorData t = tensors.get(key);
        if (t == null) {
            throw new IllegalArgumentException("state dict has no key '" + key + "'");
        }
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("'" + key + "' has shape " + Arrays.toString(t.shape()) + ", expected "
                    + Arrays.toString(shape));
        }
        return t;
    }

    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    /** All keys, aliases included, in insertion order. */
    public Set<String> keys() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    public Map<String, TensorData> asMap() {
        return Collections.unmodifiableMap(tensors);
    }

    public int size() {
        return tensors.size();
    }

    /** The canonical key whose storage {@code key} shares, or null if {@code key} is not an alias. */
    public String aliasOf(String key) {
        return aliases.get(key);
    }

    /** alias key to canonical key. */
    public Map<String, String> aliases() {
        return Collections.unmodifiableMap(aliases);
    }

    /** Free-form string metadata (e.g. safetensors {@code __metadata__} without the aliases entry). */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Keys that start with {@code prefix}, with the prefix removed; aliases preserved. */
    public StateDict withPrefix(String prefix) {
        StateDict out = new StateDict();
        for (Map.Entry<String, TensorData> e : tensors.entrySet()) {
            String k = e.getKey();
            if (!k.startsWith(prefix)) {
                continue;
            }
            String canonical = aliases.get(k);
            if (canonical != null && canonical.startsWith(prefix)) {
                out.putAlias(k.substring(prefix.length()), canonical.substring(prefix.length()));
            } else {
                out.put(k.substring(prefix.length()), e.getValue());
            }
        }
        out.metadata.putAll(metadata);
        return out;
    }

    @Override
    public String toString() {
        return "StateDict(" + tensors.size() + " keys, " + aliases.size() + " aliases)";
    }
}
