package io.cpy2j.internal.object;

import io.cpy2j.StaleTwinReferenceException;
import io.cpy2j.TwinTerminatedException;
import java.lang.ref.Cleaner;
import java.lang.ref.WeakReference;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The objects shared over one connection: this side's exports, and its proxies for the peer's
 * objects (one per remote object, so identity holds). Proxies are released through a
 * {@link Cleaner}, in batches sent by the {@link Releaser}, never on the caller's thread.
 */
public final class ObjectSpace {

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "cpy2j-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    private final Peer peer;
    private final Trust trust;
    private final Exports exports = new Exports();
    private Map<Long, ProxyEntry> proxies = new HashMap<>();
    private final ShrinkPolicy shrinkProxies = new ShrinkPolicy();
    private final ReleaseBatch releases = new ReleaseBatch();
    /** Per thread: the ids it exported since it last took them, one entry per export. */
    private final ThreadLocal<ExportJournal> journals = new ThreadLocal<>();

    private record ProxyEntry(WeakReference<Object> proxy, RemoteObject remote) {
    }

    public ObjectSpace(Peer peer) {
        this(peer, Trust.FULL);
    }

    /** @param trust what the peer may name and reach here */
    public ObjectSpace(Peer peer, Trust trust) {
        this.peer = peer;
        this.trust = trust;
    }

    /** What the peer may name and reach here. */
    public Trust trust() {
        return trust;
    }

    /** How {@code object} is written for the peer: its own object going home, or one of ours. */
    public RefDescriptor toRef(Object object) {
        if (object instanceof TwinProxy proxy) {
            RemoteObject remote = proxy.cpy2jRemote();
            if (remote.space() == this) {
                return new RefDescriptor(true, remote.id(), remote.type());
            }
            // A proxy for an object in a third runtime: the peer reaches it through us.
            return new RefDescriptor(false, export(object), remote.type());
        }
        return new RefDescriptor(false, export(object), ByReference.descriptor(object.getClass()));
    }

    private long export(Object object) {
        long id = exports.export(object);
        ExportJournal journal = journals.get();
        if (journal == null) {
            journal = new ExportJournal();
            journals.set(journal);
        }
        journal.add(id);
        return id;
    }

    /**
     * The exports this thread made since it last asked, one id per export, or {@code null} if none: what
     * the message it is writing carries. Whoever writes a message takes them when it is written, so that
     * {@link #undoExports} can give them back if the message is never sent.
     */
    public long[] takeExports() {
        ExportJournal journal = journals.get();
        return journal == null ? null : journal.drain();
    }

    /**
     * Gives back exports whose message never left: to the table it is as if the peer had released the
     * references it never got. Exports of messages that were sent, or may have been, must never come here.
     */
    public void undoExports(long[] ids) {
        for (long id : ids) {
            exports.release(id, 1);
        }
    }

    /** The object a received reference stands for: our original, or our proxy for the peer's. */
    public Object fromRef(RefDescriptor ref) {
        return fromRef(ref, null);
    }

    /**
     * Like {@link #fromRef(RefDescriptor)}, with a JDK proxy of {@code view} if that is an interface, a
     * subclass proxy of it if it is a class, when this is the object's first proxy here (the caller's own
     * class: nothing is loaded by the name the peer gave). There is one proxy per object, so the kind of the first one
     * stays: identity wins over the view asked for later.
     */
    public Object fromRef(RefDescriptor ref, Class<?> view) {
        if (ref.ownedByReceiver()) {
            return exported(ref.id());
        }
        synchronized (this) {
            ProxyEntry entry = proxies.get(ref.id());
            Object proxy = entry == null ? null : entry.proxy().get();
            if (proxy != null) {
                entry.remote().received++;
                return proxy;
            }
            RemoteObject remote = new RemoteObject(this, ref.id(), ref.type());
            remote.received = 1;
            proxy = ProxyFactory.create(ref.type(), remote, view, trust);
            proxies.put(ref.id(), new ProxyEntry(new WeakReference<>(proxy), remote));
            shrinkProxies.grew(proxies.size());
            CLEANER.register(proxy, () -> collected(remote));
            return proxy;
        }
    }

    /**
     * Makes {@code standIn} the proxy this space gives for {@code proxy}'s object from now on (a proxy
     * that outlives restarts); it must keep {@code proxy} reachable, whose collection releases the object.
     */
    void standIn(Object proxy, Object standIn) {
        RemoteObject remote = ((TwinProxy) proxy).cpy2jRemote();
        synchronized (this) {
            ProxyEntry entry = proxies.get(remote.id());
            if (entry != null && entry.remote() == remote) {
                proxies.put(remote.id(), new ProxyEntry(new WeakReference<>(standIn), remote));
            }
        }
    }

    /** A native object of ours that the peer refers to. */
    public Object exported(long id) {
        Object object = exports.get(id);
        if (object == null && trust.isRestricted()) {
            // a restricted twin never holds an id it was not given: it forged this one
            throw trust.breach("it referred to object #" + id + ", which this runtime never gave it");
        }
        if (object == null) {
            throw new StaleTwinReferenceException("object #" + id + " no longer exists in this runtime: it was "
                    + "released, or the runtime that holds it restarted");
        }
        return object;
    }

    /** A call on a proxy; once the peer is gone (before or during the call) its objects are stale. */
    Object invoke(RemoteObject remote, Method method, Object[] args) {
        RuntimeException closed = peer.closedWith();
        if (closed == null) {
            try {
                return peer.invoke(remote.id(), method, args);
            } catch (TwinTerminatedException e) {
                if (peer.closedWith() == null) {
                    throw e; // thrown by the far side's own code, not the loss of this connection
                }
                closed = e;
            }
        }
        throw new StaleTwinReferenceException("the object " + remote + " lived in '" + peer.remoteId()
                + "', which is gone (" + closed.getMessage() + "); create it again", closed);
    }

    private void collected(RemoteObject remote) {
        synchronized (this) {
            ProxyEntry entry = proxies.get(remote.id());
            if (entry != null && entry.remote() == remote) {
                proxies.remove(remote.id());
                if (shrinkProxies.shouldShrink(proxies.size())) {
                    proxies = new HashMap<>(proxies);
                }
            }
            releases.add(remote.id(), remote.received);
        }
        Releaser.schedule(this);
    }

    /** Sends what was collected since the last flush; runs on the releaser thread. */
    void flushReleases() {
        ReleaseBatch.Drained batch;
        synchronized (this) {
            batch = releases.drain();
        }
        if (batch != null && peer.closedWith() == null) {
            peer.release(batch.ids(), batch.counts());
        }
    }

    /** The connection this space belongs to. */
    public Peer peer() {
        return peer;
    }

    public void released(long id, long count) {
        exports.release(id, count);
    }

    /** Drops every export: the peer is gone, so nothing it held keeps our objects alive. */
    public void clear() {
        exports.clear();
    }

    public int exportedCount() {
        return exports.size();
    }

    public synchronized int proxyCount() {
        return proxies.size();
    }

    String remoteId() {
        return peer.remoteId();
    }

    /** A growable list of ids; used by one thread only. */
    private static final class ExportJournal {
        private long[] ids = new long[8];
        private int size;

        void add(long id) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
            }
            ids[size++] = id;
        }

        long[] drain() {
            if (size == 0) {
                return null;
            }
            long[] taken = Arrays.copyOf(ids, size);
            size = 0;
            return taken;
        }
    }
}
