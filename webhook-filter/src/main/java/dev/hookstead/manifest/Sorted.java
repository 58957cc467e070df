package dev.hookstead.manifest;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Maps in the manifest iterate in key order, so equal manifests serialise to equal bytes. */
final class Sorted {
    private Sorted() {
    }

    static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }
}
