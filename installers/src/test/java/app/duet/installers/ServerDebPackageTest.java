package app.duet.installers;

import static org.assertj.core.api.Assertions.assertThat;

import app.duet.installers.support.Commands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the server .deb the build just made without installing it: metadata, file tree and modes,
 * the conffile, the maintainer scripts' syntax, and the systemd unit through systemd-analyze.
 * Installing it for real is installers/test/test-server-deb.sh (root).
 */
@Tag("package")
@EnabledOnOs(OS.LINUX)
class ServerDebPackageTest {
    private static final Path PACKAGES = Path.of(System.getProperty("duet.packagesDir", "target/packages"));
    private static final Path SERVER_JAR = Path.of(System.getProperty("duet.serverJar", "../signaling-server/target/duet-server.jar"));
    private static final String UNIT = "lib/systemd/system/duet-server.service";
    private static final String TEMPLATE = "lib/systemd/system/duet-server@.service";
    /** systemd-analyze security's scale is 0-100 (shown as 0.0-10.0); the unit scores 3.0 ("OK"). */
    private static final int MAX_EXPOSURE = 40;

    @TempDir
    static Path root;
    static Path deb;

    @BeforeAll
    static void extract() throws IOException {
        try (Stream<Path> files = Files.list(PACKAGES)) {
            deb = files.filter(p -> p.getFileName().toString().matches("duet-server_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new AssertionError("no duet-server_*_all.deb in " + PACKAGES));
        }
        Commands.run(List.of("dpkg-deb", "-x", deb.toString(), root.toString())).assertSuccess();
    }

    @Test
    void declaresNameVersionAndAJava17RuntimeDependency() {
        String control = Commands.run(List.of("dpkg-deb", "--field", deb.toString())).assertSuccess().output();
        assertThat(control).contains("Package: duet-server", "Architecture: all", "Version: 0.1.0~SNAPSHOT")
                .containsPattern("Depends: default-jre-headless \\(>= 2:1\\.17\\) \\| openjdk-17-jre-headless")
                .contains("adduser");
    }

    @Test
    void shipsTheServerJarLauncherUnitAndConfigAsAConffile() throws Exception {
        assertThat(sha256(root.resolve("usr/share/duet-server/duet-server.jar"))).isEqualTo(sha256(SERVER_JAR));
        String contents = Commands.run(List.of("dpkg-deb", "--contents", deb.toString())).assertSuccess().output();
        assertThat(contents)
                .containsPattern("-rwxr-xr-x root/root .* \\./usr/bin/duet-server\\n")
                .containsPattern("-rw-r--r-- root/root .* \\./" + UNIT.replace(".", "\\.") + "\\n")
                .containsPattern("-rw-r--r-- root/root .* \\./usr/share/duet-server/java-options\\n")
                .containsPattern("-rw-r----- root/root .* \\./etc/duet-server/duet-server\\.conf\\n");
        String conffiles = Commands.run(List.of("dpkg-deb", "--info", deb.toString(), "conffiles")).assertSuccess().output();
        assertThat(conffiles.strip()).isEqualTo("/etc/duet-server/duet-server.conf");
    }

    @Test
    void theLaunchersJvmOptionsNameACollectorAndThisJavaAcceptsThem() throws IOException {
        List<String> options = Files.readAllLines(root.resolve("usr/share/duet-server/java-options")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(options).anyMatch(o -> o.matches("-XX:\\+Use\\w+GC")).anyMatch(o -> o.startsWith("-Xmx"));
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(options);
        command.add("-version");
        Commands.run(command).assertSuccess();
    }

    @Test
    void scriptsAreValidShell() {
        Path control = root.resolve("control");
        Commands.run(List.of("dpkg-deb", "--control", deb.toString(), control.toString())).assertSuccess();
        for (Path script : List.of(control.resolve("postinst"), control.resolve("prerm"), control.resolve("postrm"),
                root.resolve("usr/bin/duet-server"))) {
            assertThat(script).isExecutable();
            Commands.run(List.of("sh", "-n", script.toString())).assertSuccess();
        }
    }

    @Test
    void unitPassesSystemdAnalyzeVerify() throws IOException {
        lendSystemUnits();
        Commands.Result verify = Commands.run(List.of("systemd-analyze", "verify", "--root=" + root, root.resolve(UNIT).toString()));
        assertThat(verify.exitCode()).as(verify.output()).isZero();
        assertThat(verify.output()).isBlank();
    }

    @Test
    void unitRunsAsDuetWithItsStateDirectoryAndIsHardened() throws IOException {
        String unit = Files.readString(root.resolve(UNIT));
        assertThat(unit).contains("User=duet", "StateDirectory=duet-server", "NoNewPrivileges=yes",
                "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "ReadWritePaths=/var/lib/duet-server",
                "ExecStart=/usr/bin/duet-server --config /etc/duet-server/duet-server.conf --data-dir /var/lib/duet-server");
        Commands.Result security = Commands.run(List.of("systemd-analyze", "security", "--offline=true",
                "--threshold=" + MAX_EXPOSURE, "--no-pager", root.resolve(UNIT).toString()));
        assertThat(security.exitCode()).as(security.output()).isZero();
    }

    /** The per-node template, instantiated as systemd would for node "node1", passes the same checks. */
    @Test
    void nodeTemplateUnitPassesVerifyAndIsHardened() throws IOException {
        Path template = root.resolve(TEMPLATE);
        String unit = Files.readString(template);
        assertThat(unit).contains("User=duet", "StateDirectory=duet-server/%i", "ReadWritePaths=/var/lib/duet-server/%i",
                "ExecStart=/usr/bin/duet-server --config /etc/duet-server/nodes/%i.conf --data-dir /var/lib/duet-server/%i"
                        + " --node-id %i");
        lendSystemUnits();
        Path instance = template.resolveSibling("duet-server@node1.service");
        Files.copy(template, instance, StandardCopyOption.REPLACE_EXISTING);
        try {
            Commands.Result verify = Commands.run(List.of("systemd-analyze", "verify", "--root=" + root, instance.toString()));
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).isBlank();
            Commands.Result security = Commands.run(List.of("systemd-analyze", "security", "--offline=true",
                    "--threshold=" + MAX_EXPOSURE, "--no-pager", instance.toString()));
            assertThat(security.exitCode()).as(security.output()).isZero();
        } finally {
            Files.delete(instance);
        }
        String contents = Commands.run(List.of("dpkg-deb", "--contents", deb.toString())).assertSuccess().output();
        assertThat(contents).contains("./usr/share/doc/duet-server/examples/node.conf",
                "./usr/share/doc/duet-server/examples/haproxy.cfg");
    }

    /** verify resolves a unit's dependencies (sysinit.target...) under --root: lend it this machine's units. */
    private static synchronized void lendSystemUnits() {
        Path systemUnits = root.resolve("usr/lib/systemd/system");
        if (!Files.exists(systemUnits)) {
            Commands.run(List.of("mkdir", "-p", systemUnits.getParent().toString())).assertSuccess();
            Commands.run(List.of("cp", "-r", "/usr/lib/systemd/system", systemUnits.toString())).assertSuccess();
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
