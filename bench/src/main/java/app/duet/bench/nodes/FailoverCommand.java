package app.duet.bench.nodes;

import app.duet.bench.ReportOutput;
import app.duet.bench.duet.DuetServerOptions;
import app.duet.bench.os.MachineInfo;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duet-bench failover}: how long the clients of a SIGKILLed node take to be back in their call through
 * the balancer (reconnect with the app's default backoff, then resume on the other node). scripts/bench.sh
 * starts Redis, PostgreSQL and HAProxy with the shipped configuration and hands their addresses in.
 */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Kills the node holding a call's users, again and again; times each client back in its call.")
public final class FailoverCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "10 kills instead of 20.")
    private boolean quick;

    @Option(names = "--kills", description = "Kills to time (default 20; quick 10).")
    private Integer kills;

    @Option(names = "--balancer", required = true, description = "wss:// address of the balancer.")
    private URI balancer;

    @Option(names = "--balancer-cert", required = true, description = "The balancer's certificate (PEM), trusted for this run.")
    private Path balancerCert;

    @Option(names = "--balancer-socket", required = true, description = "The balancer's runtime API socket (admin.sock).")
    private Path balancerSocket;

    @Option(names = "--node-ports", required = true, split = ",",
            description = "port:ops-port of node1 and of node2, as the balancer's configuration names them.")
    private List<String> nodePorts;

    @Option(names = "--redis-url", required = true, description = "The Redis the nodes share.")
    private String redisUrl;

    @Option(names = "--db-url", required = true, description = "The nodes' PostgreSQL database (password in DUET_DB_PASSWORD).")
    private String dbUrl;

    @Mixin
    private DuetServerOptions server;

    @Option(names = "--work-dir", defaultValue = "bench/target/failover-work", description = "Server data and logs.")
    private Path workDir;

    @Mixin
    private ReportOutput reportOutput;

    @Override
    public Integer call() throws Exception {
        SSLContext.setDefault(trusting(balancerCert));
        List<BalancedNode> nodes = new ArrayList<>();
        for (int i = 0; i < nodePorts.size(); i++) {
            String name = "node" + (i + 1);
            String[] ports = nodePorts.get(i).split(":");
            nodes.add(new BalancedNode(name, Integer.parseInt(ports[0]), Integer.parseInt(ports[1]), workDir.resolve(name),
                    List.of("--redis-url", redisUrl, "--node-id", name, "--db-url", dbUrl)));
        }
        String machineBefore = MachineInfo.describe();
        FailoverRun run = new FailoverRun(nodes, new BalancerSocket(balancerSocket), balancer, server);
        List<FailoverRun.Sample> samples = run.run(kills != null ? kills : quick ? 10 : 20);
        String machine = machineBefore + " at the start, " + MachineInfo.loadAverage() + " at the end";
        FailoverReport report = new FailoverReport(samples, run.problems());
        StringWriter text = new StringWriter();
        report.print(new PrintWriter(text), machine);
        reportOutput.publish(spec.commandLine().getOut(), text.toString(), report.summary());
        return 0;
    }

    /** The app's client opens wss:// with the JVM's default TLS context: here it trusts only the balancer. */
    private static SSLContext trusting(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            store.setCertificateEntry("balancer", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
    }
}
