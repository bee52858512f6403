package app.duet.server.transport;

import app.duet.protocol.PassThrough;
import app.duet.protocol.ChannelAccessRequests;
import app.duet.protocol.CallInfo;
import app.duet.protocol.EmailVerificationRequests;
import app.duet.protocol.Protocol;
import app.duet.protocol.Request;
import app.duet.protocol.Result;
import app.duet.protocol.SessionInfo;
import app.duet.protocol.UserInfo;
import app.duet.server.account.AccountSelfService;
import app.duet.server.auth.AuthManager;
import app.duet.server.auth.AuthManager.Authenticated;
import app.duet.server.auth.PasswordResets;
import app.duet.server.auth.Principal;
import app.duet.server.channels.Actor;
import app.duet.server.channels.CallHistoryService;
import app.duet.server.channels.ChannelAccess;
import app.duet.server.channels.ChannelRegistry;
import app.duet.server.ops.Metrics;
import app.duet.server.turn.IceServersProvider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Maps each request to the service that handles it and ties sessions to connections. Blocking work
 * (bcrypt, JDBC, SMTP) goes to the worker executor; channel and call requests are decided in memory on
 * the socket thread, and those that change something stored are answered once the store writer has
 * committed it. The rules themselves live in the services.
 */
final class Dispatcher {
    private final AuthManager auth;
    private final PasswordResets resets;
    private final AccountSelfService account;
    private final Runnable applyAccountChanges;
    private final ChannelRegistry channels;
    private final ChannelAccess access;
    private final CallHistoryService history;
    private final IceServersProvider iceServers;
    private final ConnectionRegistry connections;
    private final Executor workers;
    private final Metrics metrics;

    Dispatcher(SignalingEndpoint.Services services, ConnectionRegistry connections) {
        this.auth = services.auth();
        this.resets = services.resets();
        this.account = services.account();
        this.applyAccountChanges = services.applyAccountChanges();
        this.channels = services.channels();
        this.access = services.access();
        this.history = services.history();
        this.iceServers = services.iceServers();
        this.connections = connections;
        this.workers = services.workers();
        this.metrics = services.metrics();
    }

    /** Requests that need no login (hello and ping are answered by the frame handler). */
    static boolean isPublic(Request r) {
        return r instanceof Request.Signup || r instanceof Request.Login || r instanceof Request.Resume
                || r instanceof Request.PasswordResetRequest || r instanceof Request.PasswordResetConfirm
                || r instanceof Request.EmailVerification;
    }

    static boolean authenticates(Request r) {
        return r instanceof Request.Signup || r instanceof Request.Login || r instanceof Request.Resume
                || r instanceof EmailVerificationRequests.EmailVerify;
    }

    CompletableFuture<Result> handlePublic(ClientConnection c, Request request) {
        if (request instanceof Request.Signup r) {
            return onWorker(() -> auth.signup(r.username(), r.displayName(), r.email(), r.password(), r.invite(),
                    c.address()))
                    .thenApply(a -> authenticated(c, a, false));
        }
        if (request instanceof Request.Login r) {
            return onWorker(() -> auth.login(r.username(), r.password(), c.address()))
                    .whenComplete((a, e) -> metrics.requests().login(e == null))
                    .thenApply(a -> authenticated(c, a, false));
        }
        if (request instanceof Request.Resume r) {
            return onWorker(() -> auth.resume(r.token(), c.address())).thenApply(a -> authenticated(c, a, true));
        }
        if (request instanceof Request.PasswordResetRequest r) {
            return onWorker(() -> {
                resets.request(r.login(), c.address());
                return Result.Empty.INSTANCE;
            });
        }
        if (request instanceof EmailVerificationRequests.EmailVerify r) {
            return onWorker(() -> auth.verifyEmail(r.username(), r.code(), c.address()))
                    .thenApply(a -> authenticated(c, a, false));
        }
        if (request instanceof EmailVerificationRequests.EmailVerifyResend r) {
            return onWorker(() -> {
                auth.resendVerification(r.username(), r.password(), r.email(), c.address());
                return Result.Empty.INSTANCE;
            });
        }
        if (request instanceof Request.PasswordResetConfirm r) {
            return onWorker(() -> resets.confirm(r.username(), r.code(), r.newPassword()))
                    .thenApply(revoked -> revoke(revoked, null));
        }
        throw new IllegalArgumentException("not a public request: " + request.type());
    }

    CompletableFuture<Result> handleAuthenticated(ClientConnection c, Principal p, Request request) {
        Actor actor = new Actor(p.username(), p.displayName(), p.sessionId(), c.id());
        if (request instanceof Request.Logout r && r.isEverywhere()) {
            return onWorker(() -> auth.logoutEverywhere(p)).thenApply(revoked -> {
                endSession(c);
                return revoke(revoked, c.id());
            });
        }
        if (request instanceof Request.Logout) {
            return onWorker(() -> {
                auth.logout(p);
                return p;
            }).thenApply(x -> {
                endSession(c);
                connections.closeSessions(List.of(p.sessionId()), c.id(), Protocol.CLOSE_SESSION_REVOKED, "logged out");
                return Result.Empty.INSTANCE;
            });
        }
        if (request instanceof Request.ChangePassword r) {
            return onWorker(() -> auth.changePassword(p, r.oldPassword(), r.newPassword(), c.address()))
                    .thenApply(revoked -> revoke(revoked, c.id()));
        }
        if (request instanceof Request.ChangeDisplayName r) {
            return onWorker(() -> {
                Result.User renamed = new Result.User(account.rename(p, r.displayName()));
                applyAccountChanges.run(); // the other members see the new name now, not at the next poll
                return renamed;
            });
        }
        if (request instanceof Request.AccountDelete r) {
            return onWorker(() -> {
                account.confirmPassword(p, r.password(), c.address());
                // Signed out before the deletion is recorded, so no poll closes this connection before the answer.
                connections.unbind(c);
                try {
                    account.delete(p, c.address());
                } catch (RuntimeException e) {
                    connections.bind(c, p);
                    throw e;
                }
                applyAccountChanges.run(); // closes the account's other connections (4003), leaves its channels
                return Result.Empty.INSTANCE;
            });
        }
        if (request instanceof Request.AccountExport) {
            return onWorker(() -> account.export(p, channels.list(actor))).thenCompose(f -> f)
                    .thenApply(Result.AccountExport::new);
        }
        return handleChannels(actor, request);
    }

    /** The session expired or was logged out: the connection stays, unauthenticated; its calls end. */
    void endSession(ClientConnection c) {
        ConnectionRegistry.Removed removed = connections.unbind(c);
        if (removed.principal() != null) {
            channels.sessionEnded(removed.principal().sessionId());
            if (removed.lastOfUser()) {
                channels.presenceChanged(removed.principal().username(), removed.principal().displayName(), false);
            }
        }
    }

    void closed(ClientConnection c) {
        ConnectionRegistry.Removed removed = connections.closed(c);
        Principal p = removed.principal();
        if (p != null) {
            if (removed.lastOfSession()) {
                channels.sessionDisconnected(p.sessionId());
            }
            if (removed.lastOfUser()) {
                channels.presenceChanged(p.username(), p.displayName(), false);
            }
        }
    }

    /** Decided in memory on this thread; answered once what changed is stored. */
    private CompletableFuture<Result> handleChannels(Actor actor, Request request) {
        if (request instanceof Request.ChannelCreate r) {
            String name = r.name() != null ? r.name() : access.unguessableName();
            return channels.create(actor, name).thenApply(Result.Channel::new);
        } else if (request instanceof Request.ChannelJoin r) {
            return access.join(actor, r.name(), r.invite()).thenApply(Result.Channel::new);
        } else if (request instanceof ChannelAccessRequests.ChannelInviteCreate r) {
            return access.createInvite(actor, r.channel(), r.maxUses(), r.expiresInSeconds()).thenApply(Result.class::cast);
        } else if (request instanceof ChannelAccessRequests.ChannelInviteRevoke r) {
            return access.revokeInvite(actor, r.channel(), r.inviteId()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof ChannelAccessRequests.ChannelRemoveMember r) {
            return access.removeMember(actor, r.channel(), r.username()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof ChannelAccessRequests.ChannelLock r) {
            return access.lock(actor, r.channel(), r.locked()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof ChannelAccessRequests.ChannelInvites r) {
            return access.invites(actor, r.channel()).thenApply(Result.Invites::new);
        } else if (request instanceof ChannelAccessRequests.ChannelJoinRequests r) {
            return access.joinRequests(actor, r.channel()).thenApply(Result.JoinRequests::new);
        } else if (request instanceof ChannelAccessRequests.ChannelJoinRequest r) {
            return access.requestJoin(actor, r.name()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof ChannelAccessRequests.ChannelJoinAnswer r) {
            return access.answerJoin(actor, r.channel(), r.username(), r.approve()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof Request.ChannelLeave r) {
            return channels.leave(actor, r.name()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof Request.ChannelDelete r) {
            return channels.delete(actor, r.name()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof Request.CallAccept r) {
            return channels.accept(actor, r.callId()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof PassThrough r) {
            // offer, answer, candidate: the client's fields go on as they came, with the sender added.
            return channels.relay(actor, r.callId(), r::eventFrame).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof Request.History r) {
            return history.read(actor, r.channel(), r.before(), r.limit()).thenApply(Result.class::cast);
        } else if (request instanceof Request.HistorySeen r) {
            return history.markSeen(actor, r.channel()).thenApply(x -> Result.Empty.INSTANCE);
        } else if (request instanceof Request.HistoryClear r) {
            return history.clear(actor, r.channel()).thenApply(x -> Result.Empty.INSTANCE);
        }
        return CompletableFuture.completedFuture(handleInMemory(actor, request));
    }

    private Result handleInMemory(Actor actor, Request request) {
        if (request instanceof Request.IceServers) {
            return iceServers.forUser(actor.username());
        } else if (request instanceof Request.ChannelsList) {
            return new Result.Channels(channels.list(actor));
        } else if (request instanceof Request.CallRing r) {
            return new Result.CallRing(channels.ring(actor, r.channel(), r.media(), r.callId()));
        } else if (request instanceof Request.CallDecline r) {
            channels.decline(actor, r.callId());
        } else if (request instanceof Request.CallCancel r) {
            channels.cancel(actor, r.callId());
        } else if (request instanceof Request.CallHangup r) {
            channels.hangup(actor, r.callId());
        } else {
            throw new IllegalArgumentException("no handler for " + request.type());
        }
        return Result.Empty.INSTANCE;
    }

    private Result.Auth authenticated(ClientConnection c, Authenticated a, boolean resumed) {
        Principal p = a.principal();
        boolean firstOfUser = connections.bind(c, p);
        Optional<CallInfo> call = resumed
                ? channels.sessionResumed(new Actor(p.username(), p.displayName(), p.sessionId(), c.id()))
                : Optional.empty();
        if (firstOfUser) {
            channels.presenceChanged(p.username(), p.displayName(), true);
        }
        history.signedIn(p.username(), p.sessionId());
        return new Result.Auth(new SessionInfo(a.token(), p.expiresAt().toEpochMilli()),
                new UserInfo(p.username(), p.displayName()), call.orElse(null));
    }

    private Result revoke(List<String> sessionIds, String exceptConnectionId) {
        sessionIds.forEach(channels::sessionEnded);
        connections.closeSessions(sessionIds, exceptConnectionId, Protocol.CLOSE_SESSION_REVOKED, "session revoked");
        return Result.Empty.INSTANCE;
    }

    private <T> CompletableFuture<T> onWorker(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, workers);
    }
}
