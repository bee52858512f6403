package app.duet.server.transport;

import app.duet.protocol.Event;
import app.duet.protocol.ProtocolCodec;
import app.duet.server.auth.Principal;
import app.duet.server.cluster.LocalConnections;
import app.duet.protocol.Protocol;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's authenticated connections by user and by session; the in-process relay, and the local side
 * of the cluster relay when several nodes share a Redis (its {@link LocalConnections.Listener} then keeps
 * the shared presence). Sends happen outside its lock (Java-WebSocket's send only queues).
 */
public final class ConnectionRegistry implements LocalConnections {
    /** What removing a connection meant for its session and its user. */
    record Removed(Principal principal, boolean lastOfSession, boolean lastOfUser) {
    }

    private final ProtocolCodec codec;
    private final int maxPerAddress;
    private final Set<String> exemptAddresses;
    /** Changed under the lock; read without it by {@link #all()}, which the heartbeat walks every tick. */
    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> openByAddress = new HashMap<>();
    private final Map<String, Set<ClientConnection>> byUser = new HashMap<>();
    private final Map<String, Set<ClientConnection>> bySession = new HashMap<>();
    private volatile LocalConnections.Listener listener = LocalConnections.Listener.NONE;

    /** @param maxPerAddress open connections one client address may have, unless it is in {@code exemptAddresses} */
    public ConnectionRegistry(ProtocolCodec codec, int maxPerAddress, Set<String> exemptAddresses) {
        this.codec = codec;
        this.maxPerAddress = maxPerAddress;
        this.exemptAddresses = Set.copyOf(exemptAddresses);
    }

    /** Set once at start, before connections arrive, when the node is one of several. */
    public void listener(LocalConnections.Listener listener) {
        this.listener = listener;
    }

    /** @return false, registering nothing, if the connection's address has its maximum open already */
    synchronized boolean opened(ClientConnection c) {
        int ofAddress = openByAddress.getOrDefault(c.address(), 0);
        if (ofAddress >= maxPerAddress && !exemptAddresses.contains(c.address())) {
            return false;
        }
        open.add(c);
        openByAddress.put(c.address(), ofAddress + 1);
        return true;
    }

    /**
     * Authenticates the connection as {@code p}, unless it closed meanwhile.
     * @return true if this is the user's first connection (they just came online)
     */
    boolean bind(ClientConnection c, Principal p) {
        boolean firstOfUser;
        synchronized (this) {
            if (!open.contains(c)) {
                return false;
            }
            c.principal(p);
            bySession.computeIfAbsent(p.sessionId(), k -> new LinkedHashSet<>()).add(c);
            Set<ClientConnection> ofUser = byUser.computeIfAbsent(p.username(), k -> new LinkedHashSet<>());
            ofUser.add(c);
            firstOfUser = ofUser.size() == 1;
        }
        listener.sessionBound(p.sessionId());
        return firstOfUser;
    }

    /** Back to unauthenticated (logout, expiry); the connection stays open. */
    Removed unbind(ClientConnection c) {
        Removed removed;
        synchronized (this) {
            Principal p = c.principal();
            if (p == null) {
                return new Removed(null, false, false);
            }
            c.principal(null);
            removed = new Removed(p, removeFrom(bySession, p.sessionId(), c), removeFrom(byUser, p.username(), c));
        }
        if (removed.lastOfSession()) {
            listener.sessionGone(removed.principal().sessionId());
        }
        return removed;
    }

    Removed closed(ClientConnection c) {
        synchronized (this) {
            if (open.remove(c)) {
                openByAddress.computeIfPresent(c.address(), (a, n) -> n == 1 ? null : n - 1);
            }
        }
        return unbind(c);
    }

    public int openCount() {
        return open.size();
    }

    /**
     * The open connections, as a live view walked without the lock: copying 10,000 of them under it on
     * every heartbeat tick held up relays (JFR: 18-26 ms waits in {@link #toSession}).
     */
    Collection<ClientConnection> all() {
        return Collections.unmodifiableSet(open);
    }

    /**
     * Closes every connection of these sessions except one; used when sessions are revoked. Other nodes
     * close theirs too ({@link #closeRevoked}).
     */
    void closeSessions(Collection<String> sessionIds, String exceptConnectionId, int code, String reason) {
        closeHere(sessionIds, exceptConnectionId, code, reason);
        listener.revoked(sessionIds);
    }

    @Override
    public void closeRevoked(Collection<String> sessionIds) {
        closeHere(sessionIds, null, Protocol.CLOSE_SESSION_REVOKED, "session revoked");
    }

    @Override
    public synchronized Set<String> users() {
        return Set.copyOf(byUser.keySet());
    }

    @Override
    public synchronized Set<String> sessions() {
        return Set.copyOf(bySession.keySet());
    }

    private void closeHere(Collection<String> sessionIds, String exceptConnectionId, int code, String reason) {
        List<ClientConnection> targets = new ArrayList<>();
        synchronized (this) {
            for (String id : sessionIds) {
                bySession.getOrDefault(id, Set.of()).stream()
                        .filter(c -> !c.id().equals(exceptConnectionId))
                        .forEach(targets::add);
            }
        }
        targets.forEach(c -> c.close(code, reason));
    }

    /** The user's display name changed: their connections act (join, presence) under the new one. */
    synchronized void renamed(String username, String displayName) {
        for (ClientConnection c : byUser.getOrDefault(username, Set.of())) {
            Principal p = c.principal();
            c.principal(new Principal(p.username(), displayName, p.sessionId(), p.expiresAt()));
        }
    }

    /** Closes every connection of the user; returns how many. */
    int closeUser(String username, int code, String reason) {
        List<ClientConnection> targets;
        synchronized (this) {
            targets = new ArrayList<>(byUser.getOrDefault(username, Set.of()));
        }
        targets.forEach(c -> c.close(code, reason));
        return targets.size();
    }

    @Override
    public void toUser(String username, Event event, String exceptConnectionId) {
        sendToUser(username, codec.encode(event), exceptConnectionId);
    }

    @Override
    public void frameToUser(String username, String frame) {
        sendToUser(username, frame, null);
    }

    private void sendToUser(String username, String frame, String exceptConnectionId) {
        List<ClientConnection> targets;
        synchronized (this) {
            targets = new ArrayList<>(byUser.getOrDefault(username, Set.of()));
        }
        for (ClientConnection c : targets) {
            if (!c.id().equals(exceptConnectionId)) {
                c.sendText(frame);
            }
        }
    }

    @Override
    public boolean toSession(String sessionId, Event event) {
        return frameToSession(sessionId, codec.encode(event));
    }

    @Override
    public boolean frameToSession(String sessionId, String frame) {
        List<ClientConnection> targets;
        synchronized (this) {
            targets = new ArrayList<>(bySession.getOrDefault(sessionId, Set.of()));
        }
        targets.forEach(c -> c.sendText(frame));
        return !targets.isEmpty();
    }

    @Override
    public synchronized boolean isOnline(String username) {
        return byUser.containsKey(username);
    }

    /** @return true if the set became empty (and was dropped) */
    private static boolean removeFrom(Map<String, Set<ClientConnection>> index, String key, ClientConnection c) {
        Set<ClientConnection> set = index.get(key);
        if (set == null || !set.remove(c)) {
            return false;
        }
        if (set.isEmpty()) {
            index.remove(key);
            return true;
        }
        return false;
    }
}
