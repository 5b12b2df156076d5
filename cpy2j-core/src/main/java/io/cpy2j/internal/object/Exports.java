package io.cpy2j.internal.object;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Native objects of this runtime that the peer holds references to, with how many times each was
 * sent. The peer returns those counts when its proxies are collected; at zero the entry goes, and
 * with it this table's hold on the object.
 */
final class Exports {

    private long lastId;
    private Map<Long, Entry> byId = new HashMap<>();
    private Map<Object, Entry> byObject = new IdentityHashMap<>();
    private final ShrinkPolicy shrink = new ShrinkPolicy();

    private static final class Entry {
        final long id;
        final Object object;
        long sent;

        Entry(long id, Object object) {
            this.id = id;
            this.object = object;
        }
    }

    synchronized long export(Object object) {
        Entry entry = byObject.get(object);
        if (entry == null) {
            entry = new Entry(++lastId, object);
            byId.put(entry.id, entry);
            byObject.put(object, entry);
            shrink.grew(byId.size());
        }
        entry.sent++;
        return entry.id;
    }

    /** The object, or {@code null} if it was released (or never existed here). */
    synchronized Object get(long id) {
        Entry entry = byId.get(id);
        return entry == null ? null : entry.object;
    }

    synchronized void release(long id, long count) {
        Entry entry = byId.get(id);
        if (count <= 0) {
            return; // no peer releases nothing, or less: it would pin the object
        }
        if (entry != null && (entry.sent -= count) <= 0) {
            byId.remove(id);
            byObject.remove(entry.object);
            if (shrink.shouldShrink(byId.size())) {
                byId = new HashMap<>(byId);
                byObject = new IdentityHashMap<>(byObject);
            }
        }
    }

    synchronized int size() {
        return byId.size();
    }

    synchronized void clear() {
        byId = new HashMap<>();
        byObject = new IdentityHashMap<>();
    }
}
