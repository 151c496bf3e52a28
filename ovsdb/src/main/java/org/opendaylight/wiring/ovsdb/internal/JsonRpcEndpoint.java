/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLException;
import org.opendaylight.wiring.ovsdb.OvsdbDisconnectedException;
import org.opendaylight.wiring.ovsdb.OvsdbRpcException;
import org.opendaylight.wiring.ovsdb.OvsdbTimeoutException;
import org.opendaylight.wiring.ovsdb.data.OvsdbCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC 1.0 endpoint (RFC 7047, 4): correlates requests and responses by id, answers the peer's {@code echo},
 * passes notifications on, and closes the connection on malformed input with one log line naming peer and reason.
 *
 * <p>It receives one complete JSON text per message from {@link OvsdbFrameDecoder} and parses it with Jackson.
 */
final class JsonRpcEndpoint extends ChannelInboundHandlerAdapter {
    /**
     * Receiver of connection events; called on the channel's event loop.
     */
    interface Listener {
        void onActive();

        void onNotification(String method, JsonNode params);

        void onClosed(String reason);
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcEndpoint.class);
    private static final int MAX_REASON = 200;

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong();
    private final Listener listener;
    private final String peer;
    private volatile Channel channel;
    private volatile String closeReason;
    private volatile boolean inactive;

    JsonRpcEndpoint(final String peer, final Listener listener) {
        this.peer = peer;
        this.listener = listener;
    }

    private static final class Pending {
        final CompletableFuture<JsonNode> future = new CompletableFuture<>();
        final String method;
        volatile ScheduledFuture<?> timeout;

        Pending(final String method) {
            this.method = method;
        }

        void cancelTimeout() {
            final ScheduledFuture<?> local = timeout;
            if (local != null) {
                local.cancel(false);
            }
        }
    }

    String peer() {
        return peer;
    }

    String closeReason() {
        return closeReason;
    }

    boolean isOpen() {
        final Channel local = channel;
        return local != null && local.isActive() && closeReason == null;
    }

    /**
     * Sends a request.
     *
     * @param method the method
     * @param params the parameters array
     * @param timeoutMillis the response timeout
     * @return the result member of the response
     */
    CompletableFuture<JsonNode> call(final String method, final ArrayNode params, final long timeoutMillis) {
        final Channel ch = channel;
        if (ch == null || !ch.isActive() || closeReason != null || inactive) {
            final String why = closeReason != null ? closeReason : "not connected";
            return CompletableFuture.failedFuture(new OvsdbDisconnectedException(peer + ": cannot send " + method
                + ": " + why));
        }
        final long id = nextId.incrementAndGet();
        final ObjectNode request = MAPPER.createObjectNode();
        request.put("method", method);
        request.set("params", params);
        request.put("id", id);
        final byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
        final Pending entry = new Pending(method);
        pending.put(id, entry);
        entry.timeout = ch.eventLoop().schedule(() -> {
            if (pending.remove(id, entry)) {
                entry.future.completeExceptionally(new OvsdbTimeoutException(peer + ": no response to " + method
                    + " (id " + id + ") within " + timeoutMillis + " ms"));
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        if (inactive && pending.remove(id, entry)) {
            // lost a race with channelInactive(), which may already have failed the pending requests
            entry.cancelTimeout();
            entry.future.completeExceptionally(new OvsdbDisconnectedException(peer + ": cannot send " + method
                + ": " + closeReason));
            return entry.future;
        }
        LOG.trace("OVSDB {}: sending {}", peer, request);
        ch.writeAndFlush(Unpooled.wrappedBuffer(bytes)).addListener(result -> {
            if (!result.isSuccess() && pending.remove(id, entry)) {
                entry.cancelTimeout();
                entry.future.completeExceptionally(new OvsdbDisconnectedException(peer + ": failed to send " + method
                    + ": " + result.cause()));
            }
        });
        return entry.future;
    }

    /**
     * Closes the connection locally.
     *
     * @param reason why, recorded as the close reason
     */
    void close(final String reason) {
        if (closeReason == null) {
            closeReason = reason;
            LOG.info("OVSDB {}: closing connection: {}", peer, reason);
        }
        final Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    /**
     * Closes the connection because of a peer or protocol error, logging one WARN line.
     *
     * @param reason why
     */
    void fail(final String reason) {
        if (closeReason != null) {
            LOG.debug("OVSDB {}: already closing ({}), ignoring: {}", peer, closeReason, reason);
            return;
        }
        closeReason = reason;
        LOG.warn("OVSDB {}: closing connection: {}", peer, reason);
        final Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    @Override
    public void handlerAdded(final ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    @Override
    public void channelActive(final ChannelHandlerContext ctx) {
        final SslHandler ssl = ctx.pipeline().get(SslHandler.class);
        if (ssl == null) {
            listener.onActive();
        } else {
            ssl.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    LOG.debug("OVSDB {}: TLS handshake done ({})", peer, ssl.engine().getSession().getProtocol());
                    listener.onActive();
                }
                // failures reach exceptionCaught()
            });
        }
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(final ChannelHandlerContext ctx, final Object msg) {
        final ByteBuf buf = (ByteBuf) msg;
        final JsonNode node;
        try (ByteBufInputStream in = new ByteBufInputStream(buf)) {
            node = MAPPER.readTree((InputStream) in);
        } catch (JsonProcessingException e) {
            final String where = e.getLocation() == null ? "" : " at " + e.getLocation().offsetDescription();
            fail("malformed JSON from peer: " + abbreviate(e.getOriginalMessage()) + where);
            return;
        } catch (IOException e) {
            fail("unreadable message from peer: " + abbreviate(String.valueOf(e.getMessage())));
            return;
        } finally {
            buf.release();
        }
        if (closeReason != null) {
            return;
        }
        if (node == null || !node.isObject()) {
            fail("protocol error: JSON-RPC message is not an object: " + OvsdbCodec.snippet(node));
            return;
        }
        LOG.trace("OVSDB {}: received {}", peer, node);
        dispatch(ctx, (ObjectNode) node);
    }

    private void dispatch(final ChannelHandlerContext ctx, final ObjectNode node) {
        final JsonNode method = node.get("method");
        final JsonNode id = node.get("id");
        if (method != null && !method.isNull()) {
            if (!method.isTextual()) {
                fail("protocol error: method is not a string: " + OvsdbCodec.snippet(node));
                return;
            }
            final JsonNode params = node.path("params");
            if (id == null || id.isNull()) {
                try {
                    listener.onNotification(method.textValue(), params);
                } catch (IllegalArgumentException e) {
                    fail("invalid " + method.textValue() + " notification from peer: " + abbreviate(e.getMessage()));
                }
            } else {
                answerRequest(ctx, method.textValue(), params, id);
            }
        } else if (id != null && (node.has("result") || node.has("error"))) {
            handleResponse(node, id);
        } else {
            fail("protocol error: neither request, notification nor response: " + OvsdbCodec.snippet(node));
        }
    }

    private void answerRequest(final ChannelHandlerContext ctx, final String method, final JsonNode params,
            final JsonNode id) {
        final ObjectNode reply = MAPPER.createObjectNode();
        if ("echo".equals(method)) {
            reply.set("result", params.isMissingNode() ? JsonNodeFactory.instance.arrayNode() : params);
            reply.set("error", NullNode.getInstance());
            LOG.trace("OVSDB {}: answering echo", peer);
        } else {
            LOG.debug("OVSDB {}: peer called unsupported method {}", peer, method);
            reply.set("result", NullNode.getInstance());
            reply.put("error", "unknown method");
        }
        reply.set("id", id);
        try {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(MAPPER.writeValueAsBytes(reply)));
        } catch (JsonProcessingException e) {
            fail("cannot encode reply to " + method + ": " + e.getOriginalMessage());
        }
    }

    private void handleResponse(final ObjectNode node, final JsonNode id) {
        if (!id.canConvertToLong()) {
            LOG.debug("OVSDB {}: ignoring response with foreign id {}", peer, id);
            return;
        }
        final Pending entry = pending.remove(id.asLong());
        if (entry == null) {
            LOG.debug("OVSDB {}: ignoring response to unknown or timed out request {}", peer, id);
            return;
        }
        entry.cancelTimeout();
        final JsonNode error = node.get("error");
        if (error != null && !error.isNull()) {
            entry.future.completeExceptionally(new OvsdbRpcException(peer, entry.method, error.toString()));
        } else {
            entry.future.complete(node.path("result"));
        }
    }

    @Override
    public void userEventTriggered(final ChannelHandlerContext ctx, final Object evt) {
        if (evt instanceof OvsdbFrameDecoder.TruncatedInput truncated) {
            fail("peer closed the connection in the middle of a JSON message (" + truncated.bytes()
                + " bytes unparsed)");
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void exceptionCaught(final ChannelHandlerContext ctx, final Throwable cause) {
        Throwable root = cause;
        if (root instanceof DecoderException && root.getCause() != null) {
            root = root.getCause();
        }
        if (root instanceof TooLongFrameException) {
            fail("JSON message from peer too long: " + abbreviate(root.getMessage()));
        } else if (root instanceof CorruptedFrameException) {
            fail("malformed JSON from peer: " + abbreviate(root.getMessage()));
        } else if (root instanceof SSLException) {
            fail("TLS failure: " + abbreviate(root.getMessage()));
        } else if (root instanceof IOException) {
            if (closeReason == null) {
                closeReason = "I/O error: " + root.getMessage();
                LOG.info("OVSDB {}: closing connection: {}", peer, closeReason);
            }
            ctx.close();
        } else {
            LOG.debug("OVSDB {}: unexpected exception", peer, cause);
            fail("unexpected error: " + abbreviate(String.valueOf(root)));
        }
    }

    @Override
    public void channelInactive(final ChannelHandlerContext ctx) {
        inactive = true;
        if (closeReason == null) {
            closeReason = "connection closed by peer";
            LOG.info("OVSDB {}: {}", peer, closeReason);
        }
        final List<Pending> failed = new ArrayList<>(pending.values());
        pending.clear();
        for (Pending entry : failed) {
            entry.cancelTimeout();
            entry.future.completeExceptionally(new OvsdbDisconnectedException(peer + ": disconnected before the "
                + entry.method + " response arrived: " + closeReason));
        }
        listener.onClosed(closeReason);
        ctx.fireChannelInactive();
    }

    private static String abbreviate(final String text) {
        if (text == null) {
            return "";
        }
        final String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= MAX_REASON ? oneLine : oneLine.substring(0, MAX_REASON) + "...";
    }
}
