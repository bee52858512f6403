package app.duet.bench.signin;

import app.duet.bench.ReportOutput;
import app.duet.bench.duet.DuetServerOptions;
import app.duet.bench.os.MachineInfo;
import app.duet.bench.os.ServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code duet-bench signin}: what a sign-up, a login and a resume cost on the SQLite file and on
 * PostgreSQL, the same driver against the same server jar in one run, so an admin can size a database.
 */
@Command(name = "signin", mixinStandardHelpOptions = true,
        description = "Sign-ups, logins and resumes against the server on SQLite and, with --db-url, on PostgreSQL"
                + " (password from DUET_DB_PASSWORD): latency per request and requests per second.")
public final class SigninCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--accounts", defaultValue = "400", description = "Accounts signed up, then logged in and resumed (default 400).")
    private int accounts;

    @Option(names = "--concurrency", defaultValue = "8", description = "Requests in flight at once (default 8).")
    private int concurrency;

    @Option(names = "--rounds", defaultValue = "2",
            description = "Rounds over the engines, in turn, each on a fresh server (default 2: the first warms the driver).")
    private int rounds;

    @Option(names = "--db-url", description = "A PostgreSQL database to run against as well (it must be empty or"
            + " hold only earlier bench accounts).")
    private String databaseUrl;

    @Mixin
    private DuetServerOptions server;

    @Option(names = "--work-dir", defaultValue = "bench/target/signin-work", description = "Where server data and logs go.")
    private Path workDir;

    @Mixin
    private ReportOutput reportOutput;

    @Override
    public Integer call() throws Exception {
        String machine = MachineInfo.describe();
        Map<String, List<String>> engines = new LinkedHashMap<>();
        engines.put("SQLite", List.of());
        if (databaseUrl != null) {
            engines.put("PostgreSQL", List.of("--db-url", databaseUrl));
        }
        List<SigninRound.Phase> phases = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, List<String>> engine : engines.entrySet()) {
                Files.createDirectories(workDir);
                try (ServerProcess process = server.start(workDir, engine.getValue())) {
                    String label = engine.getKey() + ", round " + round;
                    phases.addAll(new SigninRound(label, process.port(), accounts, concurrency).run());
                }
            }
        }
        String text = SigninReport.markdown(phases, accounts, concurrency, server.bcryptCost(), machine);
        reportOutput.publish(spec.commandLine().getOut(), text + "\n");
        return 0;
    }
}
