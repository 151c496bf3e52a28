/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Runs commands as child processes, reading both outputs concurrently so neither pipe can fill up.
 */
public final class ProcessCommandRunner implements CommandRunner {
    private final long timeoutSeconds;

    /**
     * A runner that gives every command at most {@code timeoutSeconds}.
     *
     * @param timeoutSeconds the limit per command
     */
    public ProcessCommandRunner(final long timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Result run(final List<String> argv, final String stdin, final Map<String, String> environment)
            throws IOException {
        final ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(environment);
        final Process process = builder.start();
        final CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(process.getInputStream()));
        final CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the command may exit without reading its input; its exit code tells the rest
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("timed out after " + timeoutSeconds + " s: " + argv);
            }
            return new Result(process.exitValue(), out.get(timeoutSeconds, TimeUnit.SECONDS),
                err.get(timeoutSeconds, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted: " + argv, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("cannot read the output of " + argv, e);
        }
    }

    private static String drain(final InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
