/*
 * Copyright (c) 2026 ODL Wiring contributors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.wiring.hostagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsEveryKey() throws IOException {
        final Path file = dir.resolve("agent.properties");
        Files.writeString(file, """
            host-id = rack-1-host-1
            restconf.urls = http://10.0.0.1:8181, https://odl2.example:8443/rests/
            restconf.user = wiring-agent
            restconf.password-file = secret
            resync.seconds = 30
            poll.seconds = 3
            expose.mode = bridge
            iproute2.tables-file = /etc/iproute2/rt_tables.d/agent-b.conf
            iproute2.protos-file = /etc/iproute2/rt_protos.d/agent-b.conf
            netns = host-b
            flow.cookie = 0x99
            announce = false
            """);
        Files.writeString(dir.resolve("secret"), "s3cret\n");
        final RuntimeConfig config = RuntimeConfig.load(file);
        assertEquals(Optional.of("rack-1-host-1"), config.hostId());
        assertEquals(List.of(URI.create("http://10.0.0.1:8181/rests"), URI.create("https://odl2.example:8443/rests")),
            config.urls());
        assertEquals("wiring-agent", config.user());
        assertEquals("s3cret", config.password());
        assertEquals(Duration.ofSeconds(30), config.resync());
        assertEquals(Duration.ofSeconds(3), config.poll());
        assertEquals(AgentConfig.ExposureKind.BRIDGE, config.agent().exposureKind());
        assertEquals(Path.of("/etc/iproute2/rt_tables.d/agent-b.conf"), config.agent().tablesFile());
        assertEquals(Path.of("/etc/iproute2/rt_protos.d/agent-b.conf"), config.agent().protosFile());
        assertEquals(Optional.of("host-b"), config.agent().netns());
        assertEquals(0x99, config.agent().cookie());
        assertFalse(config.agent().announce());
        assertFalse(config.toString().contains("s3cret"), "the password is never logged");
    }

    @Test
    void defaults() throws IOException {
        final Path file = dir.resolve("agent.properties");
        Files.writeString(file, "restconf.urls=http://odl:8181\nrestconf.user=a\nrestconf.password=b\n");
        final RuntimeConfig config = RuntimeConfig.load(file);
        assertEquals(Optional.empty(), config.hostId());
        assertEquals(Duration.ofSeconds(60), config.resync());
        assertEquals(Duration.ofSeconds(10), config.poll());
        assertEquals(AgentConfig.defaults(), config.agent());
    }

    @Test
    void refusesBadValues() throws IOException {
        final Path file = dir.resolve("agent.properties");
        for (String bad : List.of("restconf.user=a\nrestconf.password=b\n",
                "restconf.urls=ftp://x\nrestconf.user=a\nrestconf.password=b\n",
                "restconf.urls=http://x\nrestconf.user=a\n",
                "restconf.urls=http://x\nrestconf.user=a\nrestconf.password=b\nexpose.mode=tap\n",
                "restconf.urls=http://x\nrestconf.user=a\nrestconf.password=b\nresync.seconds=0\n",
                "restconf.urls=http://x\nrestconf.user=a\nrestconf.password=b\nhost-id=a/b\n",
                "restconf.urls=http://x\nrestconf.user=a\nrestconf.password=b\nresync=5\n")) {
            Files.writeString(file, bad);
            assertThrows(IllegalArgumentException.class, () -> RuntimeConfig.load(file), bad);
        }
    }

    @Test
    void systemIdFromOvs() {
        assertEquals("rack-1-host-1", AgentMain.parseSystemId("\"rack-1-host-1\"\n"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AgentMain.parseSystemId("\"\"\n"))
            .getMessage().contains("invalid host id"));
    }

    @Test
    void onceOption() {
        assertFalse(AgentMain.once(new String[] {"/etc/odl-wiring/host-agent.properties"}));
        assertTrue(AgentMain.once(new String[] {"--once", "agent.properties"}));
        for (String[] bad : List.of(new String[0], new String[] {"--once"}, new String[] {"--twice", "a"},
                new String[] {"a", "b"}, new String[] {"a", "--once"})) {
            assertThrows(IllegalArgumentException.class, () -> AgentMain.once(bad), String.join(" ", bad));
        }
    }
}
