/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.ovsdb.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.json.JsonObjectDecoder;
import java.util.List;

/**
 * Splits the byte stream into JSON texts with Netty's {@link JsonObjectDecoder}, and reports input left over when
 * the stream ends (a JSON message truncated by the peer closing the connection) as a {@link TruncatedInput} event.
 */
final class OvsdbFrameDecoder extends JsonObjectDecoder {
    /**
     * User event: the peer closed the stream in the middle of a JSON text.
     *
     * @param bytes the number of unparsed bytes
     */
    record TruncatedInput(int bytes) {
    }

    OvsdbFrameDecoder(final int maxObjectLength) {
        super(maxObjectLength);
    }

    @Override
    protected void decodeLast(final ChannelHandlerContext ctx, final ByteBuf in, final List<Object> out)
            throws Exception {
        super.decodeLast(ctx, in, out);
        int pending = 0;
        for (int i = in.readerIndex(); i < in.writerIndex(); i++) {
            if (!Character.isWhitespace(in.getByte(i))) {
                pending = in.writerIndex() - i;
                break;
            }
        }
        if (pending > 0) {
            ctx.fireUserEventTriggered(new TruncatedInput(pending));
        }
    }
}
